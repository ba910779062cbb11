package io.github.trailkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.SnsSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.lambda.testing.LoopbackS3;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint;
import io.github.trailkit.lambda.testing.RecordingAwsEndpoint.SnsMessage;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleDocuments;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code cloudtrail demo}: the seed scenario ("tell me when an SNS topic is created") end to end on this machine, with
 * nothing installed and no AWS account. An S3-compatible server runs in-process, the AWS documentation's CloudTrail log
 * file is put in it under a real CloudTrail key, the S3 notification for that object is handed to the real Lambda
 * handler, and the handler publishes its finding with the real SNS client to a loopback endpoint that answers as SNS
 * does. It prints each step, the finding and the SNS message.
 *
 * <pre>{@code
 * java -jar cloudtrail.jar demo        // exit 0 when the finding was published to SNS, else 1
 * }</pre>
 */
@Command(
        name = "demo",
        description = {
            "Runs the seed scenario end to end on this machine, with nothing installed: an in-process S3 server holds"
                    + " the AWS documentation's CloudTrail log file, the real Lambda handler is handed its S3"
                    + " notification, and publishes the CreateTopic finding to a loopback SNS endpoint. Prints each"
                    + " step, the finding and the SNS message; exit 1 when nothing was published."
        })
final class DemoCommand implements Callable<Integer> {
    static final String BUCKET = "trailkit-demo-trail";
    static final String KEY = "AWSLogs/123456789012/CloudTrail/us-east-2/2015/01/24/"
            + "123456789012_CloudTrail_us-east-2_20150124T2330Z_tKGwUkXxLSJzB0bm.json.gz";
    static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:trailkit-findings";

    private static final String RESOURCES = "demo/";
    private static final String LOG_FILE = KEY.substring(KEY.lastIndexOf('/') + 1);
    private static final String RULES = "sns-topic-created.yaml";
    private static final String S3_EVENT = "lambda-s3-event-ObjectCreated-Put.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    private PrintWriter out;
    private int step;

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        long start = System.nanoTime();
        byte[] log = resource(LOG_FILE);
        List<Rule> rules;
        try (InputStream in = stream(RULES)) {
            rules = RuleDocuments.read(in, RULES);
        }

        // the clients are the fixtures' own, closed with them
        try (LoopbackS3 s3 = LoopbackS3.inMemory();
                RecordingAwsEndpoint sns = RecordingAwsEndpoint.start()) {
            S3Client s3Client = s3.handlerClient();
            SnsClient snsClient = sns.snsClient();
            step("Started an in-memory S3-compatible server (S3Proxy) on " + s3.endpoint());
            s3Client.createBucket(b -> b.bucket(BUCKET));
            step("Created the trail bucket " + BUCKET);
            String eTag = s3Client.putObject(
                            p -> p.bucket(BUCKET)
                                    .key(KEY)
                                    .contentType("application/json")
                                    .contentEncoding("gzip"),
                            RequestBody.fromBytes(log))
                    .eTag();
            step("Put the AWS documentation's CloudTrail log file (" + log.length + " bytes, gzip: an SNS"
                    + " CreateTopic, then a GetTopicAttributes) at");
            out.println("     s3://" + BUCKET + "/" + KEY);
            step("Started a loopback endpoint answering SNS Publish and PublishBatch on " + sns.uri());

            List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
            ByteArrayOutputStream handlerLog = new ByteArrayOutputStream();
            TrailkitHandler handler = TrailkitHandler.builder()
                    .rules(RuleSet.of(rules))
                    .s3(s3Client)
                    .sink(SnsSink.builder()
                            .client(snsClient)
                            .topicArn(TOPIC_ARN)
                            .build())
                    .sink(FindingSink.of("demo", findings::addAll))
                    .logTo(new PrintStream(handlerLog, true, StandardCharsets.UTF_8))
                    .build();
            step("Built the Lambda handler (TrailkitHandler): rule " + ids(rules) + " from " + RULES + ", SNS sink to");
            out.println("     " + TOPIC_ARN);

            byte[] event = s3Event(log.length, eTag);
            step("Handed it the S3 notification ObjectCreated:Put for that object (key URL-encoded, as S3 sends it)");
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(event), answer, null);
            } catch (RuntimeException e) {
                out.flush();
                spec.commandLine().getErr().print(handlerLog.toString(StandardCharsets.UTF_8));
                throw e;
            }
            JsonNode done = JSON.readTree(answer.toByteArray());
            step("The handler read " + done.path("records").asLong() + " records and found "
                    + done.path("findings").asLong() + " finding; "
                    + done.path("delivered").asLong()
                    + " delivered to its sinks");

            List<SnsMessage> published = sns.snsPublished();
            for (Finding f : findings) {
                out.println();
                out.println("Finding:");
                out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(f.toJson(false))));
            }
            for (SnsMessage m : published) {
                out.println();
                out.println("SNS message published to " + m.topicArn() + ":");
                out.println("  Subject: " + m.subject());
                StringBuilder attributes = new StringBuilder();
                for (Map.Entry<String, String> a : m.attributes().entrySet()) {
                    attributes
                            .append(attributes.length() == 0 ? "" : ", ")
                            .append(a.getKey())
                            .append('=')
                            .append(a.getValue());
                }
                out.println("  Attributes: " + attributes);
                out.println("  Message:");
                for (String line : m.message().split("\n", -1)) {
                    out.println(line.isEmpty() ? "" : "    " + line);
                }
            }
            out.println();
            if (published.isEmpty()) {
                out.println("No SNS message was published: the demo failed.");
                out.flush();
                spec.commandLine().getErr().print(handlerLog.toString(StandardCharsets.UTF_8));
                return CloudTrailCommand.PROBLEM;
            }
            out.printf("Done in %.1f s.%n", (System.nanoTime() - start) / 1e9);
            return CloudTrailCommand.OK;
        }
    }

    private void step(String text) {
        out.println(String.format("%2d. ", ++step) + text);
        out.flush();
    }

    private static String ids(List<Rule> rules) {
        return String.join(", ", rules.stream().map(Rule::id).toList());
    }

    /** AWS's published S3 notification, with the demo's bucket, key (form-encoded, as S3 writes it), size and ETag. */
    private static byte[] s3Event(long size, String eTag) throws IOException {
        JsonNode event = JSON.readTree(resource(S3_EVENT));
        JsonNode s3 = event.path("Records").path(0).path("s3");
        ((ObjectNode) s3.path("bucket")).put("name", BUCKET).put("arn", "arn:aws:s3:::" + BUCKET);
        ObjectNode object = (ObjectNode) s3.path("object");
        object.put("key", URLEncoder.encode(KEY, StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", size);
        if (eTag != null) {
            object.put("eTag", eTag.replace("\"", ""));
        }
        return JSON.writeValueAsBytes(event);
    }

    private static byte[] resource(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo's " + name, e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = DemoCommand.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            throw new IllegalStateException("the demo's " + name + " is missing from the jar");
        }
        return in;
    }
}
