package io.github.trailkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A compiled path offers the same leaves as the generic walk, member by member through {@code RecordMember.lookup}. */
final class CompiledPathTest {

    /** Paths that name typed members, absent or not, and some that run past them into nothing. */
    private static final List<String> TYPED_PATHS = List.of(
            "eventVersion",
            "eventTime",
            "eventName",
            "eventSource",
            "awsRegion",
            "sourceIPAddress",
            "userAgent",
            "errorCode",
            "errorMessage",
            "requestID",
            "eventID",
            "eventType",
            "apiVersion",
            "managementEvent",
            "readOnly",
            "recipientAccountId",
            "sharedEventID",
            "vpcEndpointId",
            "vpcEndpointAccountId",
            "eventCategory",
            "sessionCredentialFromConsole",
            "annotation",
            "accountId",
            "eventId",
            "summary",
            "eventContext",
            "requestParameters",
            "responseElements",
            "additionalEventData",
            "serviceEventDetails",
            "resources",
            "resources.ARN",
            "resources.type",
            "addendum.reason",
            "edgeDeviceDetails.type",
            "insightDetails.state",
            "timeWindow.windowStart",
            "userIdentity",
            "userIdentity.type",
            "userIdentity.arn",
            "userIdentity.principalId",
            "userIdentity.accountId",
            "userIdentity.accessKeyId",
            "userIdentity.userName",
            "userIdentity.invokedBy",
            "userIdentity.credentialId",
            "userIdentity.identityProvider",
            "userIdentity.invokedByDelegate.accountId",
            "userIdentity.onBehalfOf.userId",
            "userIdentity.inScopeOf.sourceArn",
            "userIdentity.sessionContext",
            "userIdentity.sessionContext.sourceIdentity",
            "userIdentity.sessionContext.ec2RoleDelivery",
            "userIdentity.sessionContext.assumedRoot",
            "userIdentity.sessionContext.signInSessionArn",
            "userIdentity.sessionContext.ec2IssuedInVPC",
            "userIdentity.sessionContext.webIdFederationData",
            "userIdentity.sessionContext.webIdFederationData.federatedProvider",
            "userIdentity.sessionContext.sessionIssuer",
            "userIdentity.sessionContext.sessionIssuer.type",
            "userIdentity.sessionContext.sessionIssuer.arn",
            "userIdentity.sessionContext.sessionIssuer.userName",
            "userIdentity.sessionContext.sessionIssuer.principalId",
            "userIdentity.sessionContext.sessionIssuer.accountId",
            "userIdentity.sessionContext.attributes.mfaAuthenticated",
            "userIdentity.sessionContext.attributes.creationDate",
            "userIdentity.sessionContext.attributes.other",
            "tlsDetails",
            "tlsDetails.tlsVersion",
            "tlsDetails.cipherSuite",
            "tlsDetails.clientProvidedHostHeader",
            "tlsDetails.keyExchange",
            "tlsDetails.other",
            "eventName.length",
            "userIdentity.type.value",
            "userIdentity.nothing.here",
            "unknownMember.type");

    @Test
    void compiledPathsOfferTheLeavesOfTheGenericWalkOnEveryPathOfTheData() {
        int compared = 0;
        int compiledSegments = 0;
        for (CloudTrailRecord record : TestRecords.all(3_000)) {
            Set<String> paths = new TreeSet<>(TYPED_PATHS);
            collectPaths(JsonValue.parse(CloudTrail.writer().toJson(record)), "", paths);
            for (String path : paths) {
                String[] segments = path.split("\\.", -1);
                CompiledPath compiled = CompiledPath.of(segments);
                List<Object> expected = leaves((v) -> Leaves.walk(record, segments, v));
                List<Object> actual = leaves((v) -> compiled.walk(record, v));
                assertThat(actual)
                        .as(path + " of " + CloudTrail.writer().toJson(record))
                        .isEqualTo(expected);
                Object single = compiled.single(record);
                if (single == null) {
                    assertThat(expected).as("absent " + path).isEmpty();
                } else if (single != CompiledPath.WALK) {
                    assertThat(expected).as("single " + path).containsExactly(single);
                }
                compiledSegments += compiled.compiledSteps();
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(100_000);
        assertThat(compiledSegments).as("segments read through typed accessors").isGreaterThan(compared / 2);
    }

    @Test
    void typedPrefixesAreCompiledAndTheRestIsWalked() {
        assertThat(CompiledPath.of(new String[] {"eventName"}).compiledSteps()).isEqualTo(1);
        assertThat(CompiledPath.of("userIdentity.sessionContext.sessionIssuer.type".split("\\."))
                        .compiledSteps())
                .isEqualTo(4);
        assertThat(CompiledPath.of("requestParameters.bucketName".split("\\.")).compiledSteps())
                .isEqualTo(1);
        assertThat(CompiledPath.of("resources.ARN".split("\\.")).compiledSteps())
                .isEqualTo(1);
        assertThat(CompiledPath.of("userIdentity.somethingNew".split("\\.")).compiledSteps())
                .isEqualTo(1);
        assertThat(CompiledPath.of("somethingNew.type".split("\\.")).compiledSteps())
                .isZero();
    }

    private interface Walk {
        boolean run(Leaves.Visitor visitor);
    }

    private static List<Object> leaves(Walk walk) {
        List<Object> out = new ArrayList<>();
        walk.run(leaf -> {
            out.add(leaf);
            return false;
        });
        return out;
    }

    /** Every member path of a JSON value, arrays flattened as the walk flattens them. */
    private static void collectPaths(JsonValue v, String prefix, Set<String> out) {
        if (v.isArray()) {
            for (JsonValue e : v.elements()) {
                collectPaths(e, prefix, out);
            }
        } else if (v.isObject()) {
            for (Map.Entry<String, JsonValue> m : v.members().entrySet()) {
                String path = prefix.isEmpty() ? m.getKey() : prefix + "." + m.getKey();
                if (!m.getKey().isEmpty() && !m.getKey().contains(".")) {
                    out.add(path);
                    collectPaths(m.getValue(), path, out);
                }
            }
        }
    }
}
