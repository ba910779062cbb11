package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typed accessors over the AWS documentation samples. */
final class TypedFieldsTest {

    private static CloudTrailRecord sample(String name) {
        return CloudTrail.reader().readRecord(Samples.read(Samples.resource("samples/" + name)));
    }

    @Test
    void rootSignInWithMfa() {
        CloudTrailRecord r = sample("cloudtrail/signin-root-success-mfa.json");
        assertThat(r.eventVersion()).contains(EventVersion.parse("1.05"));
        assertThat(r.eventType()).contains(EventType.AWS_CONSOLE_SIGN_IN);
        assertThat(r.eventTypeAsString()).contains("AwsConsoleSignIn");
        assertThat(r.eventTime()).contains(Instant.parse("2022-11-10T16:24:34Z"));
        assertThat(r.eventName()).contains("ConsoleLogin");
        UserIdentity id = r.userIdentity().orElseThrow();
        assertThat(id.type()).contains(IdentityType.ROOT);
        assertThat(id.arn()).contains("arn:aws:iam::111122223333:root");
        assertThat(id.accessKeyId()).contains("");
        // an explicit null reads as empty, as for a typed field, and is kept to be written back
        assertThat(r.requestParameters()).isEmpty();
        assertThat(r.responseElements().orElseThrow().path("ConsoleLogin").asString())
                .contains("Success");
        assertThat(r.additionalEventData().orElseThrow().get("MFAUsed").asString())
                .contains("YES");
        assertThat(r.readOnly()).isEmpty();
        assertThat(r.otherFields()).containsOnly(java.util.Map.entry("requestParameters", JsonValue.nullValue()));
    }

    @Test
    void managementEventWithTlsDetailsAndConsoleCredentials() {
        CloudTrailRecord r = sample("cloudtrail-current/mgmt-cloudtrail-StartLogging-v1.09.json");
        assertThat(r.tlsDetails().flatMap(TlsDetails::tlsVersion)).contains("TLSv1.2");
        assertThat(r.tlsDetails().flatMap(TlsDetails::cipherSuite)).contains("ECDHE-RSA-AES128-GCM-SHA256");
        assertThat(r.tlsDetails().flatMap(TlsDetails::clientProvidedHostHeader))
                .contains("cloudtrail.us-east-1.amazonaws.com");
        assertThat(r.isSessionCredentialFromConsole()).isTrue();
        assertThat(r.sessionCredentialFromConsole()).contains("true");
        assertThat(r.readOnly()).contains(false);
        assertThat(r.managementEvent()).contains(true);
        assertThat(r.eventCategory()).contains(EventCategory.MANAGEMENT);
        SessionAttributes attributes = r.userIdentity()
                .flatMap(UserIdentity::sessionContext)
                .flatMap(SessionContext::attributes)
                .orElseThrow();
        assertThat(attributes.isMfaAuthenticated()).isFalse();
        assertThat(attributes.mfaAuthenticated()).contains("false");
        assertThat(attributes.creationTime()).contains(Instant.parse("2023-07-19T21:11:57Z"));
        assertThat(r.requestParameters().orElseThrow().path("name").asString()).contains("myTrail");
    }

    @Test
    void roleChainingSessionIssuer() {
        CloudTrailRecord r = sample("cloudtrail/sts-AssumeRole-role-chaining.json");
        SessionContext session =
                r.userIdentity().flatMap(UserIdentity::sessionContext).orElseThrow();
        assertThat(session.sessionIssuer().flatMap(SessionIssuer::type)).contains("Role");
        assertThat(session.sessionIssuer().flatMap(SessionIssuer::arn))
                .contains("arn:aws:iam::111111111111:role/JohnRole1");
        assertThat(session.sourceIdentity()).contains("JohnDoe");
        assertThat(r.userIdentity().flatMap(UserIdentity::type)).contains(IdentityType.ASSUMED_ROLE);
    }

    @Test
    void insightsStartEvent() {
        CloudTrailRecord r = sample("cloudtrail-current/insight-start-ApiCallRateInsight-v1.08.json");
        assertThat(r.eventType()).contains(EventType.AWS_CLOUD_TRAIL_INSIGHT);
        assertThat(r.eventName()).isEmpty();
        assertThat(r.userIdentity()).isEmpty();
        InsightDetails d = r.insightDetails().orElseThrow();
        assertThat(d.state()).contains(InsightState.START);
        assertThat(d.insightType()).contains(InsightType.API_CALL_RATE_INSIGHT);
        assertThat(d.eventSource()).contains("autoscaling.amazonaws.com");
        InsightStatistics stats =
                d.insightContext().flatMap(InsightContext::statistics).orElseThrow();
        assertThat(stats.baseline().flatMap(InsightStatistic::average)).contains(new BigDecimal("9.82222E-5"));
        assertThat(stats.insight().flatMap(InsightStatistic::average).orElseThrow())
                .isEqualByComparingTo("5");
        assertThat(stats.insightDuration()).hasValue(1);
        assertThat(stats.baselineDuration()).hasValue(10181);
        List<InsightAttribution> attributions =
                d.insightContext().flatMap(InsightContext::attributions).orElseThrow();
        assertThat(attributions)
                .extracting(a -> a.attribute().orElseThrow())
                .containsExactly("userIdentityArn", "userAgent", "errorCode");
        assertThat(attributions.get(2).insight().orElseThrow().get(0).value()).contains("null");
    }

    @Test
    void insightsLogFileWithStartAndEnd() {
        List<CloudTrailRecord> records = new ArrayList<>();
        try (CloudTrailLog log = CloudTrail.reader()
                .read(Samples.resource(
                        "samples/cloudtrail/insight-logfile-UpdateInstanceInformation-Start-and-End-v1.07.json"))) {
            log.forEach(records::add);
        }
        assertThat(records)
                .extracting(
                        r -> r.insightDetails().flatMap(InsightDetails::state).orElseThrow())
                .containsExactly(InsightState.START, InsightState.END);
        assertThat(records.get(0).sharedEventID()).isEqualTo(records.get(1).sharedEventID());
        InsightStatistics end = records.get(1)
                .insightDetails()
                .flatMap(InsightDetails::insightContext)
                .flatMap(InsightContext::statistics)
                .orElseThrow();
        assertThat(end.baselineDuration()).isEmpty();
    }

    @Test
    void dataEventWithEdgeDeviceDetailsAndResources() {
        CloudTrailRecord r = sample("cloudtrail/data-s3outposts-PutObject-edgeDeviceDetails-v1.08.json");
        EdgeDeviceDetails edge = r.edgeDeviceDetails().orElseThrow();
        assertThat(edge.type()).contains("outposts");
        assertThat(edge.deviceID()).contains("op-01ac5d28a6a232904");
        assertThat(r.resources().orElseThrow())
                .extracting(res -> res.type().orElseThrow())
                .containsExactly("AWS::S3Outposts::Object", "AWS::S3Outposts::Bucket");
        assertThat(r.resources().orElseThrow().get(0).arn().orElseThrow()).startsWith("arn:aws:s3-outposts:");
        JsonValue extra = r.additionalEventData().orElseThrow();
        assertThat(extra.path("bytesTransferredIn").asNumber()).contains(BigDecimal.TEN);
        assertThat(r.requestParameters().orElseThrow().path("bucketName").asString())
                .contains("DOC-EXAMPLE-BUCKET1");
    }

    @Test
    void networkActivityEvent() {
        CloudTrailRecord r = sample("cloudtrail-current/network-kms-ListKeys-VpceAccessDenied-v1.09.json");
        assertThat(r.eventType()).contains(EventType.AWS_VPCE_EVENT);
        assertThat(r.eventCategory()).contains(EventCategory.NETWORK_ACTIVITY);
        assertThat(r.errorCode()).contains("VpceAccessDenied");
        assertThat(r.vpcEndpointAccountId()).contains("123456789012");
        assertThat(r.userIdentity().flatMap(UserIdentity::type)).contains(IdentityType.AWS_ACCOUNT);
        assertThat(r.userAgent()).isEmpty();
    }

    @Test
    void aggregatedEvent() {
        CloudTrailRecord r = sample("cloudtrail-current/aggregated-API_ACTIVITY.json");
        assertThat(r.eventType()).contains(EventType.AWS_AGGREGATED_EVENT);
        assertThat(r.eventCategory()).contains(EventCategory.AGGREGATED);
        assertThat(r.aggregatedEventId()).contains("62759c1a-6248-48e1-a6b3-d5fb7e6c4bc0");
        assertThat(r.eventID()).isEmpty();
        assertThat(r.accountId()).contains("111122223333");
        assertThat(r.eventTime()).isEmpty();
        AggregationTimeWindow w = r.timeWindow().orElseThrow();
        assertThat(w.windowStart()).contains(Instant.parse("2025-11-17T19:20:00Z"));
        assertThat(w.windowEnd()).contains(Instant.parse("2025-11-17T19:25:00Z"));
        assertThat(w.windowSize()).contains("PT5M");
        assertThat(r.summary()
                        .orElseThrow()
                        .path("primaryDimension.statistics.0.value")
                        .asNumber())
                .contains(new BigDecimal(1000));
    }

    @Test
    void serviceEventWithoutIdentityType_andUnknownIdentity() {
        CloudTrailRecord service = sample("cloudtrail/service-event-kms-RotateKey-AwsServiceEvent.json");
        assertThat(service.eventType()).contains(EventType.AWS_SERVICE_EVENT);
        assertThat(service.userIdentity().flatMap(UserIdentity::type)).isEmpty();
        assertThat(service.userIdentity().flatMap(UserIdentity::invokedBy)).contains("AWS Internal");
        assertThat(service.serviceEventDetails()).isPresent();

        CloudTrailRecord unknown =
                sample("cloudtrail-current/data-cognito-GetCredentialsForIdentity-Unknown-v1.08.json");
        assertThat(unknown.userIdentity().flatMap(UserIdentity::type)).contains(IdentityType.UNKNOWN);
    }

    @Test
    void openEnums_keepUnknownValues() {
        CloudTrailRecord r = CloudTrail.reader()
                .readRecord(
                        "{\"eventVersion\":\"1.12\",\"eventType\":\"AwsBrandNewEvent\",\"eventCategory\":\"Quantum\","
                                + "\"userIdentity\":{\"type\":\"RobotUser\"},\"addendum\":{\"reason\":\"SOLAR_FLARE\"},"
                                + "\"futureField\":{\"x\":[1,2.50,null]}}");
        assertThat(r.eventType()).contains(EventType.UNKNOWN_TO_TRAILKIT);
        assertThat(r.eventTypeAsString()).contains("AwsBrandNewEvent");
        assertThat(r.eventCategory()).contains(EventCategory.UNKNOWN_TO_TRAILKIT);
        assertThat(r.userIdentity().flatMap(UserIdentity::type)).contains(IdentityType.UNKNOWN_TO_TRAILKIT);
        assertThat(r.userIdentity().flatMap(UserIdentity::typeAsString)).contains("RobotUser");
        assertThat(r.addendum().flatMap(Addendum::reason)).contains(AddendumReason.UNKNOWN_TO_TRAILKIT);
        assertThat(r.otherFields().get("futureField").path("x.1").asNumber().orElseThrow())
                .isEqualByComparingTo("2.5");
        assertThat(CloudTrail.writer().toJson(r)).contains("\"futureField\":{\"x\":[1,2.50,null]}");
        assertThat(EventType.fromValue("AwsVpceEvents")).isEqualTo(EventType.AWS_VPCE_EVENT);
    }

    @Test
    void addendum_typedFields() {
        CloudTrailRecord r = CloudTrail.reader()
                .readRecord("{\"eventVersion\":\"1.08\",\"addendum\":{\"reason\":"
                        + "\"UPDATED_DATA\",\"updatedFields\":\"sourceIPAddress\",\"originalRequestID\":\"r-1\","
                        + "\"originalEventID\":\"e-1\"}}");
        Addendum a = r.addendum().orElseThrow();
        assertThat(a.reason()).contains(AddendumReason.UPDATED_DATA);
        assertThat(a.updatedFields()).contains("sourceIPAddress");
        assertThat(a.originalRequestID()).contains("r-1");
        assertThat(a.originalEventID()).contains("e-1");
    }

    @Test
    void explicitNullOfTypedField_isKeptAndWrittenBack() {
        CloudTrailRecord r = CloudTrail.reader().readRecord("{\"eventVersion\":\"1.08\",\"userAgent\":null}");
        assertThat(r.userAgent()).isEmpty();
        assertThat(r.otherFields()).containsEntry("userAgent", JsonValue.nullValue());
        assertThat(CloudTrail.writer().toJson(r)).isEqualTo("{\"eventVersion\":\"1.08\",\"userAgent\":null}");
    }

    @Test
    void eventVersion_comparesAsIntegers() {
        assertThat(EventVersion.parse("1.10")).isGreaterThan(EventVersion.parse("1.09"));
        assertThat(EventVersion.parse("1.10")).isGreaterThan(EventVersion.parse("1.1"));
        assertThat(EventVersion.parse("1.05").compareTo(EventVersion.parse("1.5")))
                .isZero();
        assertThat(EventVersion.parse("1.05")).isNotEqualTo(EventVersion.parse("1.5"));
        assertThat(EventVersion.parse("1.05").minor()).isEqualTo(5);
        assertThat(EventVersion.of(1, 8)).hasToString("1.08");
        assertThat(EventVersion.parse("1.11").isAtLeast(EventVersion.of(1, 8))).isTrue();
        assertThatThrownBy(() -> EventVersion.parse("1.x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventVersion.parse("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void records_areDeeplyImmutable() {
        CloudTrailRecord r = sample("cloudtrail/data-s3outposts-PutObject-edgeDeviceDetails-v1.08.json");
        assertThatThrownBy(() -> r.resources().orElseThrow().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.requestParameters().orElseThrow().members().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.otherFields().put("x", JsonValue.of(1)))
                .isInstanceOf(UnsupportedOperationException.class);

        List<Resource> mutable =
                new ArrayList<>(List.of(Resource.builder().arn("arn:a").build()));
        CloudTrailRecord built = CloudTrailRecord.builder().resources(mutable).build();
        mutable.clear();
        assertThat(built.resources().orElseThrow()).hasSize(1);
        assertThatThrownBy(() -> built.resources().orElseThrow().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builder_rejectsOtherFieldThatShadowsTypedField() {
        assertThatThrownBy(() -> CloudTrailRecord.builder()
                        .eventName("CreateTopic")
                        .putOtherFields("eventName", JsonValue.of("DeleteTopic"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventName");
    }
}
