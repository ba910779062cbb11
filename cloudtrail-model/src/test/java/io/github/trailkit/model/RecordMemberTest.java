package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link RecordMember}: one member per typed accessor of each record type, looked up by JSON name. */
class RecordMemberTest {
    private static final List<Class<?>> RECORD_TYPES = List.of(
            CloudTrailRecord.class,
            UserIdentity.class,
            SessionContext.class,
            SessionIssuer.class,
            SessionAttributes.class,
            WebIdFederationData.class,
            InvokedByDelegate.class,
            OnBehalfOf.class,
            InScopeOf.class,
            Resource.class,
            TlsDetails.class,
            Addendum.class,
            EdgeDeviceDetails.class,
            InsightDetails.class,
            InsightContext.class,
            InsightStatistics.class,
            InsightStatistic.class,
            InsightAttribution.class,
            InsightAttributionValue.class,
            AggregationTimeWindow.class);

    private static CloudTrailRecord sample(String name) {
        return CloudTrail.reader().readRecord(Samples.read(Samples.resource("samples/" + name)));
    }

    @Test
    void everyTypedAccessorIsOneMember() {
        for (Class<?> type : RECORD_TYPES) {
            Set<String> accessors = new TreeSet<>();
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isAbstract(m.getModifiers())
                        && (m.getReturnType() == Optional.class || m.getReturnType() == OptionalLong.class)) {
                    accessors.add(m.getName());
                }
            }
            assertThat(RecordMember.membersOf(type)).as(type.getSimpleName()).hasSize(accessors.size());
            for (RecordMember m : RecordMember.membersOf(type)) {
                assertThat(m.owner()).isEqualTo(type);
                assertThat(RecordMember.of(type, m.name())).contains(m);
            }
        }
        assertThat(RecordMember.membersOf(String.class)).isEmpty();
    }

    @Test
    void findsMembersByTheirJsonNames() {
        assertThat(RecordMember.of(CloudTrailRecord.class, "eventType")
                        .orElseThrow()
                        .valueType())
                .isEqualTo(String.class);
        assertThat(RecordMember.of(CloudTrailRecord.class, "eventId")
                        .orElseThrow()
                        .toString())
                .isEqualTo("CloudTrailRecord.eventId");
        assertThat(RecordMember.of(CloudTrailRecord.class, "aggregatedEventId")).isEmpty();
        assertThat(RecordMember.of(Resource.class, "ARN")).isPresent();
        assertThat(RecordMember.of(Resource.class, "arn")).isEmpty();
        assertThat(RecordMember.of(CloudTrailRecord.class, "userIdentity")
                        .orElseThrow()
                        .valueType())
                .isEqualTo(UserIdentity.class);
        assertThat(RecordMember.of(CloudTrailRecord.class, "resources")
                        .orElseThrow()
                        .valueType())
                .isEqualTo(List.class);
        assertThat(RecordMember.of(CloudTrailRecord.class, "nope")).isEmpty();
        assertThat(RecordMember.of(JsonValue.class, "eventName")).isEmpty();
    }

    @Test
    void getsTheTypedValueAsItsJson() {
        CloudTrailRecord r = sample("cloudtrail-current/mgmt-cloudtrail-StartLogging-v1.09.json");
        RecordMember console = RecordMember.of(CloudTrailRecord.class, "sessionCredentialFromConsole")
                .orElseThrow();
        assertThat(console.isMemberOf(r)).isTrue();
        assertThat(console.get(r)).isEqualTo("true");
        assertThat(RecordMember.of(CloudTrailRecord.class, "eventVersion")
                        .orElseThrow()
                        .get(r))
                .isEqualTo("1.09");
        assertThat(RecordMember.of(CloudTrailRecord.class, "readOnly")
                        .orElseThrow()
                        .get(r))
                .isEqualTo(false);
        RecordMember identity =
                RecordMember.of(CloudTrailRecord.class, "userIdentity").orElseThrow();
        Object node = identity.get(r);
        assertThat(node).isInstanceOf(UserIdentity.class);
        RecordMember type = RecordMember.of(UserIdentity.class, "type").orElseThrow();
        assertThat(type.isMemberOf(node)).isTrue();
        assertThat(type.isMemberOf(r)).isFalse();
        assertThat(type.get(node))
                .isEqualTo(r.userIdentity().orElseThrow().typeAsString().orElseThrow());
        assertThatThrownBy(() -> type.get(r)).isInstanceOf(ClassCastException.class);
    }

    @Test
    void fallsBackToOtherFieldsAndAnswersNullWhenAbsent() {
        CloudTrailRecord r = CloudTrail.reader()
                .readRecord("{\"eventName\":null,\"eventTime\":\"2024-01-01T00:00:00.000Z\",\"x\":{\"y\":1}}");
        assertThat(RecordMember.of(CloudTrailRecord.class, "eventName")
                        .orElseThrow()
                        .get(r))
                .isEqualTo(JsonValue.nullValue());
        // a time not written as Instant writes it is given as it came
        assertThat(RecordMember.of(CloudTrailRecord.class, "eventTime")
                        .orElseThrow()
                        .get(r))
                .isEqualTo(JsonValue.of("2024-01-01T00:00:00.000Z"));
        assertThat(RecordMember.of(CloudTrailRecord.class, "awsRegion")
                        .orElseThrow()
                        .get(r))
                .isNull();
        assertThat(RecordMember.lookup(r, "x")).isEqualTo(JsonValue.parse("{\"y\":1}"));
        assertThat(RecordMember.lookup(RecordMember.lookup(r, "x"), "y")).isEqualTo(JsonValue.number("1"));
        assertThat(RecordMember.lookup(r, "eventName")).isEqualTo(JsonValue.nullValue());
        assertThat(RecordMember.lookup(r, "awsRegion")).isNull();
        assertThat(RecordMember.lookup("not a record", "x")).isNull();
        assertThat(RecordMember.lookup(r, "eventTime")).isEqualTo(JsonValue.of("2024-01-01T00:00:00.000Z"));
    }
}
