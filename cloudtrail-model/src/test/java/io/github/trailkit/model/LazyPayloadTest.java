package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Payloads read from a log are kept as their text and decoded on first use; they behave exactly as the tree {@link
 * JsonValue#parse} builds from the same text.
 */
final class LazyPayloadTest {
    /** Every kind of JSON value, non-ASCII text written plainly and escaped, nesting, empty containers. */
    static final String PAYLOAD =
            "{\"s\":\"plain\",\"é\":\"café – 日本語 😀\",\"esc\":\"\\u00e9\\n\\t\\\"q\\\" \\\\ \\ud83d\\ude00\","
                    + "\"i\":-42,\"big\":123456789012345678901234567890,\"f\":9.82222E-5,\"z\":0.0,\"t\":true,\"no\":false,"
                    + "\"n\":null,\"o\":{},\"a\":[],\"deep\":{\"list\":[1,\"two\",[3,{\"four\":4}],null,{\"x\":[]}]},"
                    + " \"spaced\" : [ 1 , 2 ] }";

    private static CloudTrailRecord readOne(String recordJson) {
        byte[] log = ("{\"Records\":[" + recordJson + "]}").getBytes(StandardCharsets.UTF_8);
        try (CloudTrailLog l = CloudTrail.reader().read(log, "t.json")) {
            List<CloudTrailRecord> all = l.stream().toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static CloudTrailRecord withPayload() {
        return readOne("{\"eventID\":\"1\",\"requestParameters\":" + PAYLOAD + ",\"responseElements\":[" + PAYLOAD
                + ",1],\"unknownMember\":" + PAYLOAD + "}");
    }

    @Test
    void aPayloadIsKeptAsText_itsKindKnownWithoutDecoding() {
        CloudTrailRecord r = withPayload();
        JsonValue params = r.requestParameters().orElseThrow();
        assertThat(params).isInstanceOf(JsonValue.LazyValue.class);
        assertThat(params.kind()).isEqualTo(JsonValue.Kind.OBJECT);
        assertThat(params.isObject()).isTrue();
        assertThat(params.isPresent()).isTrue();
        assertThat(params.isNull()).isFalse();
        assertThat(r.responseElements().orElseThrow().isArray()).isTrue();
        assertThat(((JsonValue.LazyValue) params).isDecoded()).isFalse();
        assertThat(((JsonValue.LazyValue) r.responseElements().orElseThrow()).isDecoded())
                .isFalse();
        assertThat(r.otherFields().get("unknownMember")).isInstanceOf(JsonValue.LazyValue.class);
        params.get("s");
        assertThat(((JsonValue.LazyValue) params).isDecoded()).isTrue();
    }

    @Test
    void aPayloadEqualsTheTreeOfItsText_everyTypeAndNonAsciiText() {
        CloudTrailRecord r = withPayload();
        JsonValue tree = JsonValue.parse(PAYLOAD);
        JsonValue params = r.requestParameters().orElseThrow();
        assertThat(params).isEqualTo(tree);
        assertThat(tree).isEqualTo(params);
        assertThat(params.hashCode()).isEqualTo(tree.hashCode());
        assertThat(params.toJson()).isEqualTo(tree.toJson());
        assertThat(params.toString()).isEqualTo(tree.toString());
        assertThat(params.members()).isEqualTo(tree.members());
        assertThat(params.members().keySet())
                .containsExactly("s", "é", "esc", "i", "big", "f", "z", "t", "no", "n", "o", "a", "deep", "spaced");
        assertThat(params.get("é").asString()).hasValue("café – 日本語 😀");
        assertThat(params.get("esc").asString()).hasValue("é\n\t\"q\" \\ 😀");
        assertThat(params.get("i").asNumber()).hasValue(new BigDecimal("-42"));
        assertThat(params.get("big").asNumber()).hasValue(new BigDecimal("123456789012345678901234567890"));
        assertThat(params.get("f").toJson()).isEqualTo("9.82222E-5");
        assertThat(params.get("t").asBoolean()).hasValue(true);
        assertThat(params.get("no").asBoolean()).hasValue(false);
        assertThat(params.get("n").isNull()).isTrue();
        assertThat(params.get("o").members()).isEmpty();
        assertThat(params.get("a").elements()).isEmpty();
        assertThat(params.path("deep.list.2.1.four").asNumber()).hasValue(BigDecimal.valueOf(4));
        assertThat(params.path("deep.list.1").asString()).hasValue("two");
        assertThat(params.get("missing").isPresent()).isFalse();
        assertThat(params.get(0).isPresent()).isFalse();
        assertThat(params.elements()).isEmpty();
        assertThat(params.asString()).isEmpty();

        JsonValue response = r.responseElements().orElseThrow();
        assertThat(response).isEqualTo(JsonValue.parse("[" + PAYLOAD + ",1]"));
        assertThat(response.get(0)).isEqualTo(tree);
        assertThat(response.path("0.deep.list.0").asNumber()).hasValue(BigDecimal.ONE);
        assertThat(response.members()).isEmpty();
        assertThat(response.get("s").isPresent()).isFalse();
        assertThat(r.otherFields().get("unknownMember")).isEqualTo(tree);
        // inside a tree built by hand, and as a map key
        assertThat(JsonValue.object(Map.of("p", params))).isEqualTo(JsonValue.object(Map.of("p", tree)));
        assertThat(JsonValue.array(List.of(tree))).isEqualTo(JsonValue.array(List.of(params)));
        assertThat(Map.of(params, 1)).containsKey(tree);
    }

    @Test
    void twoPayloadsOfTheSameTextOrValueAreEqual() {
        CloudTrailRecord r = withPayload();
        JsonValue a = r.requestParameters().orElseThrow();
        JsonValue b = r.otherFields().get("unknownMember");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        CloudTrailRecord spaced = readOne("{\"requestParameters\":{ \"x\" : [1.0, \"y\"] },"
                + "\"responseElements\":{\"x\":[1,\"y\"]},\"additionalEventData\":{\"x\":[1,\"z\"]}}");
        assertThat(spaced.requestParameters()).isEqualTo(spaced.responseElements());
        assertThat(spaced.requestParameters()).isNotEqualTo(spaced.additionalEventData());
        assertThat(spaced.requestParameters().orElseThrow().toJson()).isEqualTo("{\"x\":[1.0,\"y\"]}");
    }

    @Test
    void scalarPayloadsAreReadAsBefore() {
        CloudTrailRecord r = readOne("{\"requestParameters\":null,\"responseElements\":\"text\","
                + "\"additionalEventData\":3,\"serviceEventDetails\":true}");
        assertThat(r.requestParameters()).isEmpty(); // an explicit null reads as for every typed field
        assertThat(r.otherFields()).containsEntry("requestParameters", JsonValue.nullValue());
        assertThat(CloudTrail.writer().toJson(r)).contains("\"requestParameters\":null");
        assertThat(r.responseElements()).hasValue(JsonValue.of("text"));
        assertThat(r.additionalEventData()).hasValue(JsonValue.of(3));
        assertThat(r.serviceEventDetails()).hasValue(JsonValue.of(true));
    }

    @Test
    void firstUseFromManyThreadsAtOnce_givesOneValue() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            JsonValue tree = JsonValue.parse(PAYLOAD);
            for (int round = 0; round < 200; round++) {
                JsonValue params = withPayload().requestParameters().orElseThrow();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<Object>>> seen = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int which = t;
                    seen.add(pool.submit(() -> {
                        go.await();
                        return switch (which % 4) {
                            case 0 -> List.<Object>of(params.members(), params.hashCode());
                            case 1 -> List.<Object>of(params.get("deep"), params.toJson());
                            case 2 -> List.<Object>of(params.path("deep.list.2.1.four"), params.equals(tree));
                            default ->
                                List.<Object>of(
                                        params.get("é"), params.members().size());
                        };
                    }));
                }
                go.countDown();
                for (int t = 0; t < 8; t++) {
                    List<Object> got = seen.get(t).get(10, TimeUnit.SECONDS);
                    switch (t % 4) {
                        case 0 -> assertThat(got).containsExactly(tree.members(), tree.hashCode());
                        case 1 -> assertThat(got).containsExactly(tree.get("deep"), tree.toJson());
                        case 2 -> assertThat(got).containsExactly(JsonValue.of(4), true);
                        default -> assertThat(got).containsExactly(JsonValue.of("café – 日本語 😀"), 14);
                    }
                }
                assertThat(params.members()).isSameAs(params.members());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRecordWithPayloadsRoundTripsThroughTheWriter_asTheSameTree() {
        String json = "{\"eventID\":\"1\",\"requestParameters\":" + PAYLOAD + ",\"responseElements\":[" + PAYLOAD
                + ",1],\"unknownMember\":" + PAYLOAD + "}";
        CloudTrailRecord r = readOne(json);
        String written = CloudTrail.writer().toJson(r);
        assertThat(Samples.sameTree(Samples.tree(json), Samples.tree(written)))
                .as(written)
                .isTrue();
        assertThat(CloudTrail.reader().readRecord(written)).isEqualTo(r);
        assertThat(r).isEqualTo(CloudTrail.reader().readRecord(json));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        CloudTrail.writer().writeLog(List.of(r, r), log);
        try (CloudTrailLog again = CloudTrail.reader().read(log.toByteArray(), "again")) {
            assertThat(again.stream().toList()).containsExactly(r, r);
        }
    }

    @Test
    void aSingleRecordTextIsReadTheSameWay_andItsErrorsCountUtf8Bytes() {
        String json = "{\"eventName\":\"café\",\"requestParameters\":" + PAYLOAD + "}";
        CloudTrailRecord r = CloudTrail.reader().readRecord(json);
        assertThat(r.requestParameters().orElseThrow()).isEqualTo(JsonValue.parse(PAYLOAD));
        assertThat(r.eventName()).contains("café");

        // a duplicate inside a payload is still found while reading, at its UTF-8 byte offset ("é" is two bytes)
        String dup = "{\"eventName\":\"é\",\"requestParameters\":{\"a\":1,\"a\":2}}";
        CloudTrailParseException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                CloudTrailParseException.class, () -> CloudTrail.reader().readRecord(dup));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("Duplicate field 'a'");
        long secondA = dup.getBytes(StandardCharsets.UTF_8).length - "\"a\":2}}".length();
        assertThat(e.byteOffset().orElseThrow()).isBetween(secondA, secondA + "\"a\":".length());
    }
}
