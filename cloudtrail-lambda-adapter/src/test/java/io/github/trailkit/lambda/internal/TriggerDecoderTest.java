package io.github.trailkit.lambda.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.lambda.internal.Invocation.BatchJob;
import io.github.trailkit.lambda.internal.Invocation.BatchTask;
import io.github.trailkit.lambda.internal.Invocation.Kind;
import io.github.trailkit.lambda.internal.Invocation.SqsMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link TriggerDecoder} against the trigger events in {@code src/test/resources/events/} (AWS-published examples and
 * documented shapes, see the README there) and {@code reference/cloudtrail-formats.md} section 6.
 */
final class TriggerDecoderTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String CT_BUCKET = "amzn-s3-demo-bucket";
    static final String CT_LOG_0210 = "AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
            + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz";
    static final String CT_LOG_0215 = "AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
            + "111122223333_CloudTrail_us-east-2_20150801T0215Z_Xy7ZPqR2tU3vW4aB.json.gz";
    static final String CT_LOG_WEST = "AWSLogs/111122223333/CloudTrail/us-west-2/2015/08/01/"
            + "111122223333_CloudTrail_us-west-2_20150801T0215Z_Xy7ZPqR2tU3vW4aB.json.gz";
    /** The org-trail key of {@code s3-event-cloudtrail-org-logfile-key.json}, after decoding {@code my+prefix}. */
    static final String ORG_KEY = "my prefix/AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-2/2015/08/01/"
            + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz";

    static final ObjectRef ORG_OBJECT = new ObjectRef(CT_BUCKET, ORG_KEY, 1024, null);
    static final ObjectRef EB_OBJECT =
            new ObjectRef("DOC-EXAMPLE-BUCKET1", "example-key", 5, "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e");

    /* ---------------------------------------------------------------- S3 event notifications */

    @Test
    void s3ObjectCreatedPut_publishedV21Example() {
        Invocation inv = decodeFixture("s3-ObjectCreated-Put-v2.1.json");

        assertThat(inv.kind()).isEqualTo(Kind.S3_EVENT);
        assertThat(inv.objects())
                .containsExactly(new ObjectRef("mybucket", "HappyFace.jpg", 1024, "096fKKXTRTtl3on89fVO.nfljtsv6qko"));
        assertThat(inv.ignored()).isEmpty();
        assertThat(inv.messages()).isEmpty();
        assertThat(inv.batch()).isNull();
    }

    @Test
    void s3ObjectCreatedPut_lambdaGuideExample_hasNoVersionId() {
        Invocation inv = decodeFixture("lambda-s3-event-ObjectCreated-Put.json");

        assertThat(inv.kind()).isEqualTo(Kind.S3_EVENT);
        // bucket comes from s3.bucket.name, not from the (unrelated) arn in the published example
        assertThat(inv.objects())
                .containsExactly(
                        new ObjectRef("DOC-EXAMPLE-BUCKET", "b21b84d653bb07b05b1e6b33684dc11b", 1305107, null));
        assertThat(inv.ignored()).isEmpty();
    }

    @Test
    void s3Event_orgTrailKey_plusIsASpace() {
        Invocation inv = decodeFixture("s3-event-cloudtrail-org-logfile-key.json");

        assertThat(inv.kind()).isEqualTo(Kind.S3_EVENT);
        assertThat(inv.objects()).containsExactly(ORG_OBJECT);
        assertThat(inv.ignored()).isEmpty();
    }

    @Test
    void s3Event_keyDecoding_plusIsSpace_percent2BIsPlus_andRemovedIsIgnored() {
        Invocation inv = decodeFixture("s3-event-key-plus-and-percent2B-and-removed.json");

        assertThat(inv.kind()).isEqualTo(Kind.S3_EVENT);
        assertThat(inv.objects())
                .containsExactly(new ObjectRef(
                        CT_BUCKET,
                        "c++ team/AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
                                + "111122223333_CloudTrail_us-east-2_20150801T0210Z_a+b c.json.gz",
                        1024,
                        "096fKKXTRTtl3on89fVO.nfljtsv6qko"));
        assertThat(inv.ignored()).containsExactly("S3 ObjectRemoved:Delete s3://amzn-s3-demo-bucket/old file.json.gz");
    }

    @Test
    void s3Event_v22Template_eventTypePlaceholderIsNotACreate() {
        Invocation inv = decodeFixture("s3-event-structure-v2.2-template.json");

        assertThat(inv.kind()).isEqualTo(Kind.S3_EVENT);
        assertThat(inv.objects()).isEmpty();
        assertThat(inv.ignored()).containsExactly("S3 event-type s3://bucket-name/object-key");
    }

    @Test
    void s3Event_everyObjectCreatedVariantIsAnObject_otherEventsAreIgnored() {
        List<String> names = List.of(
                "ObjectCreated:Put",
                "ObjectCreated:Post",
                "ObjectCreated:Copy",
                "ObjectCreated:CompleteMultipartUpload",
                "ObjectRemoved:DeleteMarkerCreated",
                "ObjectRestore:Completed",
                "ObjectTagging:Put",
                "LifecycleExpiration:Delete");
        ObjectNode event = fixtureTree("s3-ObjectCreated-Put-v2.1.json");
        ArrayNode records = (ArrayNode) event.get("Records");
        ObjectNode template = (ObjectNode) records.remove(0);
        for (String name : names) {
            ObjectNode record = template.deepCopy();
            record.put("eventName", name);
            ((ObjectNode) record.at("/s3/object")).put("key", name.replace(':', '+'));
            records.add(record);
        }

        Invocation inv = TriggerDecoder.decode(bytes(event));

        assertThat(inv.objects())
                .extracting(ObjectRef::key)
                .containsExactly(
                        "ObjectCreated Put",
                        "ObjectCreated Post",
                        "ObjectCreated Copy",
                        "ObjectCreated CompleteMultipartUpload");
        assertThat(inv.ignored())
                .containsExactly(
                        "S3 ObjectRemoved:DeleteMarkerCreated s3://mybucket/ObjectRemoved DeleteMarkerCreated",
                        "S3 ObjectRestore:Completed s3://mybucket/ObjectRestore Completed",
                        "S3 ObjectTagging:Put s3://mybucket/ObjectTagging Put",
                        "S3 LifecycleExpiration:Delete s3://mybucket/LifecycleExpiration Delete");
    }

    @Test
    void s3Event_utf8PercentEncodingIsDecoded() {
        ObjectNode event = fixtureTree("s3-ObjectCreated-Put-v2.1.json");
        ((ObjectNode) event.at("/Records/0/s3/object")).put("key", "caf%C3%A9/%E2%98%83+x%25.json.gz");

        assertThat(TriggerDecoder.decode(bytes(event)).objects())
                .extracting(ObjectRef::key)
                .containsExactly("caf\u00e9/\u2603 x%.json.gz");
    }

    @Test
    void s3TestEvent_isIgnoredWithItsBucket() {
        Invocation inv = decodeFixture("s3-TestEvent.json");

        assertThat(inv.kind()).isEqualTo(Kind.TEST_EVENT);
        assertThat(inv.objects()).isEmpty();
        assertThat(inv.ignored()).containsExactly("s3:TestEvent for bucket bucketname");
    }

    /* ---------------------------------------------------------------- EventBridge */

    @Test
    void eventBridgeObjectCreated_keyTakenAsIs() {
        Invocation inv = decodeFixture("eventbridge-s3-Object-Created.json");

        assertThat(inv.kind()).isEqualTo(Kind.EVENTBRIDGE);
        assertThat(inv.objects()).containsExactly(EB_OBJECT);
        assertThat(inv.ignored()).isEmpty();
    }

    @Test
    void eventBridgeObjectCreated_plusAndPercentInTheKeyAreNotDecoded() {
        ObjectNode event = fixtureTree("eventbridge-s3-Object-Created.json");
        ((ObjectNode) event.at("/detail/object")).put("key", "c++ logs/a%2Bb+c.json.gz");

        assertThat(TriggerDecoder.decode(bytes(event)).objects())
                .extracting(ObjectRef::key)
                .containsExactly("c++ logs/a%2Bb+c.json.gz");
    }

    @Test
    void eventBridgeObjectDeleted_isIgnored() {
        Invocation inv = decodeFixture("eventbridge-s3-Object-Deleted.json");

        assertThat(inv.kind()).isEqualTo(Kind.EVENTBRIDGE);
        assertThat(inv.objects()).isEmpty();
        assertThat(inv.ignored()).containsExactly("EventBridge Object Deleted s3://DOC-EXAMPLE-BUCKET1/example-key");
    }

    @Test
    void eventBridgeFromAnotherSource_isRejected() {
        ObjectNode event = fixtureTree("eventbridge-s3-Object-Created.json");
        event.put("source", "aws.ec2");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessageStartingWith(
                        "EventBridge event from source \"aws.ec2\" (detail-type \"Object Created\")," + " not aws.s3");
    }

    /* ---------------------------------------------------------------- SNS to Lambda */

    @Test
    void snsMessageIsS3Event() {
        Invocation inv = decodeFixture("lambda-sns-event-message-is-s3-event.json");

        assertThat(inv.kind()).isEqualTo(Kind.SNS);
        assertThat(inv.objects()).containsExactly(ORG_OBJECT);
        assertThat(inv.ignored()).isEmpty();
    }

    @Test
    void snsMessageIsCloudTrailNotification_keysTakenAsIs() {
        Invocation inv = decodeFixture("lambda-sns-event-message-is-cloudtrail-notification.json");

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDTRAIL_SNS);
        assertThat(inv.objects())
                .containsExactly(
                        new ObjectRef(CT_BUCKET, CT_LOG_0210, ObjectRef.UNKNOWN_SIZE, null),
                        new ObjectRef(CT_BUCKET, CT_LOG_WEST, ObjectRef.UNKNOWN_SIZE, null));
        assertThat(inv.ignored()).isEmpty();
    }

    @Test
    void cloudTrailNotification_keysWithPlusAndPercentAreNotDecoded() {
        Invocation inv =
                TriggerDecoder.decode(snsEvent("{\"s3Bucket\":\"b\",\"s3ObjectKey\":[\"my+prefix/a%2Bb c.json.gz\"]}"));

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDTRAIL_SNS);
        assertThat(inv.objects()).containsExactly(new ObjectRef("b", "my+prefix/a%2Bb c.json.gz"));
    }

    @Test
    void cloudTrailNotification_bareAsTheWholeEvent() {
        Invocation inv = decodeFixture("cloudtrail-trail-sns-notification-message.json");

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDTRAIL_SNS);
        assertThat(inv.objects()).containsExactly(new ObjectRef(CT_BUCKET, CT_LOG_0210));
        assertThat(inv.ignored()).isEmpty();
    }

    @Test
    void cloudTrailValidationMessage_isIgnored() {
        Invocation inv = TriggerDecoder.decode(snsEvent("CloudTrail validation message."));

        assertThat(inv.kind()).isEqualTo(Kind.CLOUDTRAIL_SNS);
        assertThat(inv.objects()).isEmpty();
        assertThat(inv.ignored()).containsExactly("CloudTrail validation message");
    }

    @Test
    void snsS3TestEvent_isIgnored_andMakesTheKindSns() {
        Invocation inv = TriggerDecoder.decode(snsEvent(fixtureText("s3-TestEvent.json")));

        assertThat(inv.kind()).isEqualTo(Kind.SNS);
        assertThat(inv.objects()).isEmpty();
        assertThat(inv.ignored()).containsExactly("s3:TestEvent for bucket bucketname");
    }

    @Test
    void snsPublishedExample_helloIsNotATrigger_errorNamesTheMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> decodeFixture("lambda-sns-event.json"))
                .withMessage("SNS event: message 95df01b4-ee98-5cb9-9903-4c221d41eb5e: message is not JSON:"
                        + " \"Hello from SNS!\" (top-level keys: [Records])");
    }

    /* ---------------------------------------------------------------- SQS */

    @Test
    void sqsBodyIsS3Event() {
        Invocation inv = decodeFixture("lambda-sqs-event-body-is-s3-event.json");

        assertThat(inv.kind()).isEqualTo(Kind.SQS);
        assertThat(inv.objects()).isEmpty();
        assertThat(inv.batch()).isNull();
        assertThat(inv.messages())
                .containsExactly(new SqsMessage("059f36b4-87a3-44ab-83d2-661975830a7d", List.of(ORG_OBJECT), null));
        assertThat(inv.ignored()).isEmpty();
    }

    @Test
    void sqsBodyIsSnsEnvelopeAroundS3Event() {
        Invocation inv = decodeFixture("lambda-sqs-event-body-is-sns-envelope-message-is-s3-event.json");

        assertThat(inv.kind()).isEqualTo(Kind.SQS);
        assertThat(inv.messages())
                .containsExactly(new SqsMessage("059f36b4-87a3-44ab-83d2-661975830a7d", List.of(ORG_OBJECT), null));
    }

    @Test
    void sqsBodyIsEventBridgeObjectCreated() {
        Invocation inv = decodeFixture("lambda-sqs-event-body-is-eventbridge-object-created.json");

        assertThat(inv.kind()).isEqualTo(Kind.SQS);
        assertThat(inv.messages())
                .containsExactly(new SqsMessage("059f36b4-87a3-44ab-83d2-661975830a7d", List.of(EB_OBJECT), null));
    }

    @Test
    void sqsMixedBodies_eachKeepsItsId_garbageIsAProblemNotAnException() {
        Invocation inv = decodeFixture("lambda-sqs-event-mixed-bodies.json");

        assertThat(inv.kind()).isEqualTo(Kind.SQS);
        assertThat(inv.messages())
                .containsExactly(
                        new SqsMessage(mixedId(1), List.of(ORG_OBJECT), null),
                        new SqsMessage(mixedId(2), List.of(ORG_OBJECT), null),
                        new SqsMessage(mixedId(3), List.of(EB_OBJECT), null),
                        new SqsMessage(mixedId(4), List.of(), null),
                        new SqsMessage(mixedId(5), List.of(), "body is not JSON: \"Test message.\""),
                        new SqsMessage(mixedId(6), List.of(new ObjectRef(CT_BUCKET, CT_LOG_0210)), null));
        assertThat(inv.messages()).extracting(SqsMessage::decoded).containsExactly(true, true, true, true, false, true);
        assertThat(inv.ignored()).containsExactly("SQS message " + mixedId(4) + ": s3:TestEvent for bucket bucketname");
    }

    @Test
    void sqsPublishedStandardExample_plainTextBodiesAreProblems() {
        Invocation inv = decodeFixture("lambda-sqs-event-standard.json");

        assertThat(inv.kind()).isEqualTo(Kind.SQS);
        assertThat(inv.messages())
                .containsExactly(
                        new SqsMessage(
                                "059f36b4-87a3-44ab-83d2-661975830a7d",
                                List.of(),
                                "body is not JSON: \"Test message.\""),
                        new SqsMessage(
                                "2e1424d4-f796-459a-8184-9c92662be6da",
                                List.of(),
                                "body is not JSON: \"Test message.\""));
    }

    @Test
    void sqsFifoPublishedExample_keepsItsMessageId() {
        Invocation inv = decodeFixture("lambda-sqs-event-fifo.json");

        assertThat(inv.kind()).isEqualTo(Kind.SQS);
        assertThat(inv.messages())
                .containsExactly(new SqsMessage(
                        "11d6ee51-4cc7-4302-9e22-7cd8afdaadf5",
                        List.of(),
                        "body is not JSON: \"Test message.\"",
                        true));
    }

    @Test
    void sqsFifo_eventBridgeBody_decodes() {
        // S3 cannot notify a FIFO queue directly; EventBridge can (reference section 6.2)
        ObjectNode event = fixtureTree("lambda-sqs-event-fifo.json");
        ((ObjectNode) event.at("/Records/0")).put("body", fixtureText("eventbridge-s3-Object-Created.json"));

        Invocation inv = TriggerDecoder.decode(bytes(event));

        assertThat(inv.kind()).isEqualTo(Kind.SQS);
        assertThat(inv.messages())
                .containsExactly(
                        new SqsMessage("11d6ee51-4cc7-4302-9e22-7cd8afdaadf5", List.of(EB_OBJECT), null, true));
    }

    @Test
    void sqsBodyIsPublishedSnsEnvelope_helloWorldMessageIsAProblem() {
        Invocation inv = TriggerDecoder.decode(sqsEvent(fixtureText("sns-notification-in-sqs-body.json")));

        assertThat(inv.messages())
                .containsExactly(
                        new SqsMessage("m1", List.of(), "SNS envelope Message: message is not JSON: \"Hello world!\""));
    }

    @Test
    void sqsSnsSubscriptionConfirmation_isIgnored() {
        ObjectNode confirmation = JSON.createObjectNode()
                .put("Type", "SubscriptionConfirmation")
                .put("MessageId", "165545c9-2a5c-472c-8df2-7ff2be2b3b1b")
                .put("Token", "2336412f37")
                .put("TopicArn", "arn:aws:sns:us-west-2:123456789012:MyTopic")
                .put(
                        "Message",
                        "You have chosen to subscribe to the topic arn:aws:sns:us-west-2:123456789012:MyTopic."
                                + "\nTo confirm the subscription, visit the SubscribeURL included in this message.")
                .put("SubscribeURL", "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription")
                .put("Timestamp", "2012-04-26T20:45:04.751Z")
                .put("SignatureVersion", "1")
                .put("Signature", "EXAMPLEpH+...")
                .put("SigningCertURL", "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb72.pem");

        Invocation inv = TriggerDecoder.decode(sqsEvent(confirmation.toString(), fixtureText("s3-TestEvent.json")));

        assertThat(inv.messages())
                .containsExactly(new SqsMessage("m1", List.of(), null), new SqsMessage("m2", List.of(), null));
        assertThat(inv.ignored())
                .containsExactly(
                        "SQS message m1: SNS SubscriptionConfirmation for arn:aws:sns:us-west-2:123456789012:MyTopic",
                        "SQS message m2: s3:TestEvent for bucket bucketname");
    }

    @Test
    void sqsCloudTrailValidationMessage_rawOrInAnSnsEnvelope_isIgnored() {
        ObjectNode envelope = fixtureTree("sns-notification-in-sqs-body.json");
        envelope.put("Message", "CloudTrail validation message.");

        Invocation inv = TriggerDecoder.decode(sqsEvent("CloudTrail validation message.", envelope.toString()));

        assertThat(inv.messages())
                .containsExactly(new SqsMessage("m1", List.of(), null), new SqsMessage("m2", List.of(), null));
        assertThat(inv.ignored())
                .containsExactly(
                        "SQS message m1: CloudTrail validation message",
                        "SQS message m2: CloudTrail validation message");
    }

    @Test
    void sqsBodyProblems_areDescribedPerMessage() {
        Invocation inv = TriggerDecoder.decode(sqsEvent(
                "[1,2]",
                "{\"hello\":1,\"world\":2}",
                "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":"
                        + "{\"name\":\"b\"},\"object\":{\"key\":\"bad%ZZkey\"}}}]}",
                "{\"Type\":\"Notification\",\"TopicArn\":\"arn:aws:sns:us-east-2:1:t\",\"Message\":\"{}\"}",
                fixtureText("s3-event-cloudtrail-org-logfile-key.json")));

        List<String> problems = inv.messages().stream().map(SqsMessage::problem).collect(Collectors.toList());
        assertThat(problems.get(0)).isEqualTo("body is a JSON array, not an object: \"[1,2]\"");
        assertThat(problems.get(1)).isEqualTo("JSON of no known shape (keys: [hello, world])");
        // the text in parentheses is the JDK's URLDecoder message
        assertThat(problems.get(2))
                .startsWith("Records[0].s3.object.key \"bad%ZZkey\" is not URL-encoded as expected" + " (URLDecoder: ");
        assertThat(problems.get(3)).isEqualTo("SNS envelope Message: JSON of no known shape (keys: [])");
        assertThat(problems.get(4)).isNull();
        assertThat(inv.messages()).extracting(SqsMessage::messageId).containsExactly("m1", "m2", "m3", "m4", "m5");
        assertThat(inv.messages().get(4).objects()).containsExactly(ORG_OBJECT);
    }

    @Test
    void sqsBodyEdgeCases_emptyBody_unknownSnsType_unsubscribe_emptyCloudTrailKeyList() {
        ObjectNode unsubscribe =
                fixtureTree("sns-notification-in-sqs-body.json").put("Type", "UnsubscribeConfirmation");
        ObjectNode otherType = fixtureTree("sns-notification-in-sqs-body.json").put("Type", "Other");

        Invocation inv = TriggerDecoder.decode(
                sqsEvent("", otherType.toString(), unsubscribe.toString(), "{\"s3Bucket\":\"b\",\"s3ObjectKey\":[]}"));

        assertThat(inv.messages())
                .containsExactly(
                        new SqsMessage("m1", List.of(), "body is empty"),
                        new SqsMessage("m2", List.of(), "SNS envelope of Type \"Other\""),
                        new SqsMessage("m3", List.of(), null),
                        new SqsMessage("m4", List.of(), null));
        assertThat(inv.ignored())
                .containsExactly(
                        "SQS message m3: SNS UnsubscribeConfirmation for arn:aws:sns:us-west-2:123456789012:MyTopic",
                        "SQS message m4: CloudTrail notification for bucket b with no keys");
    }

    @Test
    void sqsRecordWithoutMessageId_failsTheWholeEvent() {
        ObjectNode event = fixtureTree("lambda-sqs-event-standard.json");
        ((ObjectNode) event.at("/Records/1")).remove("messageId");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessage("SQS event: Records[1] has no messageId (top-level keys: [Records])");
    }

    /* ---------------------------------------------------------------- S3 Batch Operations */

    @Test
    void batchOperationsSchema10_bucketFromArn_keyDecoded() {
        Invocation inv = decodeFixture("s3-batch-operations-schema-1.0.json");

        assertThat(inv.kind()).isEqualTo(Kind.BATCH_OPERATIONS);
        assertThat(inv.objects()).isEmpty();
        assertThat(inv.messages()).isEmpty();
        assertThat(inv.ignored()).isEmpty();
        assertThat(inv.batch())
                .isEqualTo(new BatchJob(
                        "1.0",
                        "YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo",
                        List.of(new BatchTask(
                                "dGFza2lkZ29lc2hlcmUK",
                                new ObjectRef(CT_BUCKET, "my prefix/" + CT_LOG_0210, ObjectRef.UNKNOWN_SIZE, "1")))));
    }

    @Test
    void batchOperationsSchema20_bucketFromName_keysDecoded_nullVersion() {
        Invocation inv = decodeFixture("s3-batch-operations-schema-2.0.json");

        assertThat(inv.kind()).isEqualTo(Kind.BATCH_OPERATIONS);
        BatchJob job = inv.batch();
        assertThat(job.schemaVersion()).isEqualTo("2.0");
        assertThat(job.invocationId()).isEqualTo("Zm9vYmFyYmF6cXV4Cg");
        assertThat(job.tasks())
                .containsExactly(
                        new BatchTask(
                                "dGFzay0xCg",
                                new ObjectRef(CT_BUCKET, "my prefix/" + CT_LOG_0210, ObjectRef.UNKNOWN_SIZE, null)),
                        new BatchTask(
                                "dGFzay0yCg",
                                new ObjectRef(
                                        CT_BUCKET,
                                        "c++ logs/" + CT_LOG_0215,
                                        ObjectRef.UNKNOWN_SIZE,
                                        "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY")));
    }

    @Test
    void batchOperations_bucketArnWithRegionAndAccount() {
        // the form of the user guide's older request example: arn:aws:s3:us-east-1:0123456788:awsexamplebucket1
        ObjectNode event = fixtureTree("s3-batch-operations-schema-1.0.json");
        ((ObjectNode) event.at("/tasks/0"))
                .put("s3BucketArn", "arn:aws:s3:us-east-1:0123456788:awsexamplebucket1")
                .put("s3Key", "customerImage1.jpg");

        assertThat(TriggerDecoder.decode(bytes(event)).batch().tasks())
                .extracting(BatchTask::object)
                .containsExactly(new ObjectRef("awsexamplebucket1", "customerImage1.jpg", -1, "1"));
    }

    @Test
    void batchOperations_taskWithoutBucket_namesTheTask() {
        ObjectNode event = fixtureTree("s3-batch-operations-schema-2.0.json");
        ((ObjectNode) event.at("/tasks/1")).remove("s3Bucket");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessage("S3 Batch Operations tasks[1] (taskId dGFzay0yCg) has neither s3Bucket nor s3BucketArn"
                        + " (top-level keys: [invocationSchemaVersion, invocationId, job, tasks])");
    }

    @Test
    void batchOperations_badBucketArn() {
        ObjectNode event = fixtureTree("s3-batch-operations-schema-1.0.json");
        ((ObjectNode) event.at("/tasks/0")).put("s3BucketArn", "arn:aws:sqs:us-east-1:1:q");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessageStartingWith("S3 Batch Operations tasks[0]: s3BucketArn \"arn:aws:sqs:us-east-1:1:q\""
                        + " is not an S3 bucket ARN");
    }

    @Test
    void batchOperations_missingInvocationId() {
        ObjectNode event = fixtureTree("s3-batch-operations-schema-1.0.json");
        event.remove("invocationId");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessage("S3 Batch Operations event: invocationId is missing or not a non-empty string"
                        + " (top-level keys: [invocationSchemaVersion, job, tasks])");
    }

    @Test
    void batchOperations_tasksNotAnArray() {
        ObjectNode event = fixtureTree("s3-batch-operations-schema-1.0.json");
        event.putNull("tasks");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessageStartingWith("S3 Batch Operations event: tasks is not an array");
    }

    @Test
    void batchOperations_taskWithoutTaskId() {
        ObjectNode event = fixtureTree("s3-batch-operations-schema-2.0.json");
        ((ObjectNode) event.at("/tasks/0")).remove("taskId");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessageStartingWith("S3 Batch Operations tasks[0]: taskId is missing or not a non-empty string");
    }

    /* ---------------------------------------------------------------- errors */

    @Test
    void emptyInput() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(new byte[0]))
                .withMessage("unrecognised Lambda event: empty input");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(null))
                .withMessage("unrecognised Lambda event: empty input");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(" \n\t".getBytes(UTF_8)))
                .withMessage("unrecognised Lambda event: empty input");
    }

    @Test
    void notJson() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode("Test message.".getBytes(UTF_8)))
                .withMessageStartingWith("unrecognised Lambda event: not JSON (Unrecognized token 'Test'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode("{\"Records\":[".getBytes(UTF_8)))
                .withMessageStartingWith("unrecognised Lambda event: not JSON (Unexpected end-of-input");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode("{} {}".getBytes(UTF_8)))
                .withMessageStartingWith("unrecognised Lambda event: not JSON (Trailing token");
    }

    @Test
    void jsonButNotAnObject() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode("[{}]".getBytes(UTF_8)))
                .withMessage("unrecognised Lambda event: a JSON array, not an object");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode("\"x\"".getBytes(UTF_8)))
                .withMessage("unrecognised Lambda event: a JSON string, not an object");
    }

    @Test
    void unknownShape_messageNamesTheTopLevelKeys() {
        // an SNS-to-SQS body handed to the function as if it were the whole event
        assertThatIllegalArgumentException()
                .isThrownBy(() -> decodeFixture("sns-notification-in-sqs-body.json"))
                .withMessage("unrecognised Lambda event: not an S3, SNS, SQS, Kinesis, EventBridge, CloudWatch Logs"
                        + " or S3 Batch Operations event"
                        + " (top-level keys: [Type, MessageId, TopicArn, Subject, Message, Timestamp,"
                        + " SignatureVersion, Signature, SigningCertURL, UnsubscribeURL])");
    }

    @Test
    void unknownRecordsSource_isNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        TriggerDecoder.decode("{\"Records\":[{\"eventSource\":\"aws:dynamodb\"}]}".getBytes(UTF_8)))
                .withMessage("unrecognised Lambda event: Records[0] has event source \"aws:dynamodb\""
                        + " (top-level keys: [Records])");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode("{\"Records\":[]}".getBytes(UTF_8)))
                .withMessage("unrecognised Lambda event: Records is not a non-empty array (top-level keys: [Records])");
    }

    @Test
    void s3Event_missingKey() {
        ObjectNode event = fixtureTree("s3-ObjectCreated-Put-v2.1.json");
        ((ObjectNode) event.at("/Records/0/s3/object")).remove("key");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessage(
                        "Records[0].s3.object: key is missing or not a non-empty string (top-level keys: [Records])");
    }

    @Test
    void s3Event_missingBucketName() {
        ObjectNode event = fixtureTree("s3-ObjectCreated-Put-v2.1.json");
        ((ObjectNode) event.at("/Records/0/s3")).remove("bucket");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessage("Records[0].s3.bucket: name is missing or not a non-empty string"
                        + " (top-level keys: [Records])");
    }

    @Test
    void s3Event_laterRecordFromAnotherSource() {
        ObjectNode event = fixtureTree("s3-event-key-plus-and-percent2B-and-removed.json");
        ((ObjectNode) event.at("/Records/1")).put("eventSource", "aws:sqs");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessage(
                        "Records[1] is not an S3 event record (eventSource \"aws:sqs\") (top-level keys: [Records])");
    }

    @Test
    void eventBridge_missingObjectKey() {
        ObjectNode event = fixtureTree("eventbridge-s3-Object-Created.json");
        ((ObjectNode) event.at("/detail/object")).remove("key");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessageStartingWith("detail.object: key is missing or not a non-empty string (top-level keys: "
                        + "[version, id, detail-type, source, account, time, region, resources, detail])");
    }

    @Test
    void sns_messageNotAString() {
        ObjectNode event = fixtureTree("lambda-sns-event.json");
        ((ObjectNode) event.at("/Records/0/Sns")).putObject("Message");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode(bytes(event)))
                .withMessage("SNS event: Records[0].Sns.Message is not a string (top-level keys: [Records])");
    }

    @Test
    void cloudTrailNotification_keysNotAList() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TriggerDecoder.decode("{\"s3Bucket\":\"b\",\"s3ObjectKey\":{}}".getBytes(UTF_8)))
                .withMessage("CloudTrail notification: s3ObjectKey is not an array"
                        + " (top-level keys: [s3Bucket, s3ObjectKey])");
    }

    /* ---------------------------------------------------------------- every fixture is used */

    @Test
    void everyEventFixtureDecodesOrFailsAsExpected() throws IOException, URISyntaxException {
        Path dir = Path.of(TriggerDecoderTest.class.getResource("/events/").toURI());
        Set<String> response = Set.of("lambda-sqs-partial-batch-response.json"); // ResponsesTest
        Set<String> rejected = Set.of("lambda-sns-event.json", "sns-notification-in-sqs-body.json");
        List<String> all;
        try (Stream<Path> files = Files.list(dir)) {
            all = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(all).hasSize(22);
        for (String name : all) {
            if (response.contains(name)) {
                continue;
            }
            if (rejected.contains(name)) {
                assertThatIllegalArgumentException().as(name).isThrownBy(() -> decodeFixture(name));
            } else {
                assertThat(decodeFixture(name)).as(name).isNotNull();
            }
        }
    }

    /* ---------------------------------------------------------------- helpers */

    static Invocation decodeFixture(String name) {
        return TriggerDecoder.decode(fixtureBytes(name));
    }

    static byte[] fixtureBytes(String name) {
        try (InputStream in = TriggerDecoderTest.class.getResourceAsStream("/events/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixtureText(String name) {
        return new String(fixtureBytes(name), UTF_8);
    }

    static ObjectNode fixtureTree(String name) {
        try {
            return (ObjectNode) JSON.readTree(fixtureBytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(UTF_8);
    }

    private static String mixedId(int n) {
        return "00000000-0000-4000-8000-00000000000" + n;
    }

    /** The published SQS event's first record, once per body, with message ids {@code m1}, {@code m2}, ... */
    static byte[] sqsEvent(String... bodies) {
        ObjectNode event = fixtureTree("lambda-sqs-event-standard.json");
        ArrayNode records = (ArrayNode) event.get("Records");
        ObjectNode template = (ObjectNode) records.get(0);
        records.removeAll();
        for (int i = 0; i < bodies.length; i++) {
            records.add(template.deepCopy().put("messageId", "m" + (i + 1)).put("body", bodies[i]));
        }
        return bytes(event);
    }

    /** The published SNS-to-Lambda event with its {@code Sns.Message} replaced. */
    static byte[] snsEvent(String message) {
        ObjectNode event = fixtureTree("lambda-sns-event.json");
        ((ObjectNode) event.at("/Records/0/Sns")).put("Message", message);
        return bytes(event);
    }
}
