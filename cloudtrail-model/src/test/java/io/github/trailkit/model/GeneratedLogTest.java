package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@link GeneratedLog} fixture: valid CloudTrail JSON that the reader reads and writes back as the same tree,
 * deterministic from its seed, and as varied as it claims to be.
 */
final class GeneratedLogTest {
    private static final long SEED = 20240101L;
    private static final int RECORDS = 2_000;

    @Test
    void everyGeneratedRecord_isReadAndWrittenBackAsTheSameTreeAsJacksonDatabindReadsIt() throws IOException {
        byte[] bytes = GeneratedLog.records(RECORDS, SEED).readAllBytes();
        // databind, with every number exact; trees compare numbers by value (Samples.sameTree)
        JsonNode expected = Samples.EXACT.readTree(bytes).get("Records");
        assertThat(expected.size()).isEqualTo(RECORDS);

        GeneratedLog in = GeneratedLog.records(RECORDS, SEED);
        List<CloudTrailRecord> records = new ArrayList<>();
        try (CloudTrailLog log = CloudTrail.reader().read(in, "generated")) {
            log.forEach(records::add);
            assertThat(log.problems()).isEmpty();
        }
        assertThat(in.fullyRead()).isTrue();
        assertThat(in.recordCount()).isEqualTo(RECORDS);
        assertThat(in.bytesProduced()).isEqualTo(bytes.length);
        assertThat(records).hasSize(RECORDS);

        for (int i = 0; i < RECORDS; i++) {
            CloudTrailRecord record = records.get(i);
            String written = CloudTrail.writer().toJson(record);
            assertThat(Samples.sameTree(expected.get(i), Samples.tree(written)))
                    .as(
                            "record %d: written JSON equals the input as a tree%n input:   %s%n written: %s",
                            i, expected.get(i), written)
                    .isTrue();
            assertThat(CloudTrail.reader().readRecord(written))
                    .as("record %d read again", i)
                    .isEqualTo(record);
        }
    }

    @Test
    void sameSeed_sameBytes_whateverTheReadSizes() throws IOException {
        byte[] bulk = GeneratedLog.records(500, SEED).readAllBytes();
        assertThat(GeneratedLog.records(500, SEED).readAllBytes()).isEqualTo(bulk);
        assertThat(GeneratedLog.records(500, SEED + 1).readAllBytes()).isNotEqualTo(bulk);

        GeneratedLog single = GeneratedLog.records(500, SEED);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = single.read()) >= 0) {
            bytes.write(b);
        }
        assertThat(bytes.toByteArray()).isEqualTo(bulk);
        assertThat(single.read()).isEqualTo(-1);

        GeneratedLog odd = GeneratedLog.records(500, SEED);
        bytes.reset();
        byte[] chunk = new byte[8003];
        int size = 1;
        int n;
        while ((n = odd.read(chunk, 3, size)) >= 0) {
            assertThat(n).isBetween(0, size);
            bytes.write(chunk, 3, n);
            size = size % 7000 + 997; // sizes from 1 to 7996, smaller and larger than a record
        }
        assertThat(bytes.toByteArray()).isEqualTo(bulk);
        assertThat(odd.read(chunk, 0, 0)).isZero();
    }

    @Test
    void ofAtLeastBytes_stopsAtTheFirstRecordBoundaryPastTheSize_andSharesTheRecordsOfItsSeed() throws IOException {
        long target = 1 << 20;
        GeneratedLog sized = GeneratedLog.ofAtLeastBytes(target, SEED);
        byte[] bytes = sized.readAllBytes();
        assertThat((long) bytes.length)
                .isEqualTo(sized.bytesProduced())
                .isGreaterThanOrEqualTo(target)
                .isLessThan(target + 16 * 1024);
        assertThat(GeneratedLog.records(sized.recordCount(), SEED).readAllBytes())
                .isEqualTo(bytes);
        assertThat(new String(bytes, 0, 12, StandardCharsets.US_ASCII)).isEqualTo("{\"Records\":[");
        assertThat(new String(bytes, bytes.length - 2, 2, StandardCharsets.US_ASCII))
                .isEqualTo("]}");

        assertThat(GeneratedLog.records(0, SEED).readAllBytes())
                .isEqualTo("{\"Records\":[]}".getBytes(StandardCharsets.US_ASCII));
        assertThat(GeneratedLog.ofAtLeastBytes(0, SEED).readAllBytes())
                .isEqualTo("{\"Records\":[]}".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void generatedRecords_areVaried() throws IOException {
        assertThat(GeneratedLog.catalogEventSources()).isGreaterThanOrEqualTo(30);
        assertThat(GeneratedLog.catalogEventNames()).isGreaterThanOrEqualTo(300);

        byte[] bytes = GeneratedLog.records(RECORDS, SEED).readAllBytes();
        double average = (double) bytes.length / RECORDS;
        assertThat(average).as("average record size").isBetween(1000.0, 2000.0);

        Set<String> sources = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<IdentityType> identities = EnumSet.noneOf(IdentityType.class);
        Set<EventCategory> categories = EnumSet.noneOf(EventCategory.class);
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        int errors = 0;
        int nullResponses = 0;
        int withResources = 0;
        int withTls = 0;
        int readOnly = 0;
        int mfa = 0;
        int onBehalfOf = 0;
        int invokedBy = 0;
        try (CloudTrailLog log = CloudTrail.reader().read(bytes, "generated")) {
            for (CloudTrailRecord r : log) {
                sources.add(r.eventSource().orElseThrow());
                names.add(r.eventSource().orElseThrow() + " " + r.eventName().orElseThrow());
                UserIdentity id = r.userIdentity().orElseThrow();
                identities.add(id.type().orElseThrow());
                categories.add(r.eventCategory().orElseThrow());
                types.add(r.eventType().orElseThrow());
                errors += r.errorCode().isPresent() ? 1 : 0;
                nullResponses += r.responseElements().isEmpty()
                                && r.otherFields()
                                        .getOrDefault("responseElements", JsonValue.missing())
                                        .isNull()
                        ? 1
                        : 0;
                withResources += r.resources().isPresent() ? 1 : 0;
                withTls += r.tlsDetails().isPresent() ? 1 : 0;
                readOnly += r.readOnly().orElse(false) ? 1 : 0;
                mfa += id.sessionContext()
                                .flatMap(SessionContext::attributes)
                                .flatMap(SessionAttributes::mfaAuthenticated)
                                .filter("true"::equals)
                                .isPresent()
                        ? 1
                        : 0;
                onBehalfOf += id.onBehalfOf().flatMap(OnBehalfOf::userId).isPresent() ? 1 : 0;
                invokedBy += id.invokedBy().isPresent() ? 1 : 0;
                // an explicit null payload is kept in otherFields, as for every typed field
                assertThat(r.otherFields().keySet()).isSubsetOf("requestParameters", "responseElements");
                assertThat(r.otherFields().values()).allMatch(JsonValue::isNull);
            }
        }
        System.out.printf(
                "GeneratedLog: %d records, %d bytes (%.0f bytes a record), %d sources, %d event names,"
                        + " %d errors, %d null responseElements, %d with resources%n",
                RECORDS, bytes.length, average, sources.size(), names.size(), errors, nullResponses, withResources);
        assertThat(sources).hasSizeGreaterThanOrEqualTo(30);
        assertThat(names).hasSizeGreaterThanOrEqualTo(200);
        assertThat(identities).containsAll(EnumSet.range(IdentityType.ROOT, IdentityType.UNKNOWN));
        assertThat(categories).containsExactlyInAnyOrder(EventCategory.MANAGEMENT, EventCategory.DATA);
        assertThat(types).contains(EventType.AWS_API_CALL, EventType.AWS_CONSOLE_SIGN_IN, EventType.AWS_SERVICE_EVENT);
        assertThat(errors).isBetween(RECORDS / 25, RECORDS / 5);
        assertThat(nullResponses).isBetween(RECORDS / 3, RECORDS * 9 / 10);
        assertThat(withResources).isBetween(RECORDS / 10, RECORDS * 2 / 3);
        assertThat(withTls).isGreaterThan(RECORDS * 3 / 4);
        assertThat(readOnly).isBetween(RECORDS / 4, RECORDS * 3 / 4);
        assertThat(mfa).isPositive();
        assertThat(onBehalfOf).isPositive();
        assertThat(invokedBy).isPositive();

        // non-ASCII text as UTF-8 and as \\u escapes, and strings that needed escaping
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("é", "日本", "🚀", "\\u00e9", "\\\"", "\\\\", "\\n", "\\t", "\\u0001");
        assertThat(text)
                .contains(
                        "\"responseElements\":null",
                        "\"mfaAuthenticated\":\"true\"",
                        "\"sessionIssuer\":{\"type\":\"Role\"",
                        "\"invokedBy\":",
                        "\"onBehalfOf\":{",
                        "\"eventCategory\":\"Data\"",
                        "\"readOnly\":false",
                        "E-5",
                        "12345678901234567890123",
                        ":null");
    }
}
