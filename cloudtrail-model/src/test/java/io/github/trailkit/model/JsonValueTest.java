package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JsonValueTest {

    private static final JsonValue DOC = JsonValue.parse(
            "{\"bucketName\":\"b\",\"groups\":[{\"id\":\"g-1\"},{\"id\":\"g-2\"}],\"n\":9.82222E-5,\"ok\":true,"
                    + "\"none\":null,\"a.b\":1}");

    @Test
    void path_walksMembersAndArrayIndexes() {
        assertThat(DOC.path("bucketName").asString()).contains("b");
        assertThat(DOC.path("groups.1.id").asString()).contains("g-2");
        assertThat(DOC.path("groups.2.id").isPresent()).isFalse();
        assertThat(DOC.path("groups.x").isPresent()).isFalse();
        assertThat(DOC.path("bucketName.deeper").kind()).isEqualTo(JsonValue.Kind.MISSING);
        assertThat(DOC.get("a.b").asNumber()).contains(BigDecimal.ONE);
        assertThat(DOC.path("none").isNull()).isTrue();
        assertThat(DOC.path("none").isPresent()).isTrue();
        assertThat(DOC.path("ok").asBoolean()).contains(true);
        assertThat(DOC.path("n").asNumber()).contains(new BigDecimal("9.82222E-5"));
        assertThat(DOC.path("n").asString()).isEmpty();
    }

    @Test
    void numbers_keepTheirTextAndCompareByValue() {
        assertThat(JsonValue.parse("[1.50,1E+2]").toJson()).isEqualTo("[1.50,1E+2]");
        assertThat(JsonValue.number("1.50")).isEqualTo(JsonValue.of(new BigDecimal("1.5")));
        assertThat(JsonValue.number("1.50").hashCode())
                .isEqualTo(JsonValue.number("1.5").hashCode());
        assertThat(JsonValue.number("100")).isEqualTo(JsonValue.number("1E+2"));
        assertThat(JsonValue.number("0")).isEqualTo(JsonValue.number("-0.0"));
        assertThat(JsonValue.number("1")).isNotEqualTo(JsonValue.of("1"));
        for (String bad : List.of("01", "1.", ".5", "1e", "+1", "NaN", "Infinity", "", "-", "1.5x")) {
            assertThatThrownBy(() -> JsonValue.number(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void factories_copyAndAreImmutable() {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("k", JsonValue.of("v"));
        JsonValue object = JsonValue.object(members);
        members.put("other", JsonValue.of(1));
        assertThat(object.members()).containsOnlyKeys("k");
        assertThatThrownBy(() -> object.members().put("x", JsonValue.nullValue()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> JsonValue.array(List.of(JsonValue.missing())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonValue.array(List.of(JsonValue.of(true), JsonValue.nullValue()))
                        .toJson())
                .isEqualTo("[true,null]");
    }

    @Test
    void parse_rejectsInvalidAndTrailingText() {
        assertThatThrownBy(() -> JsonValue.parse("{\"a\":}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonValue.parse("{} {}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one JSON value");
        assertThatThrownBy(() -> JsonValue.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(JsonValue.parse("\"\\u00e9\\n\"").asString()).contains("é\n");
    }

    @Test
    void equality_isStructural() {
        assertThat(JsonValue.parse("{\"a\":[1,{\"b\":null}]}"))
                .isEqualTo(JsonValue.parse("{ \"a\" : [1.0, {\"b\":null}] }"));
        assertThat(JsonValue.parse("{\"a\":1,\"b\":2}")).isEqualTo(JsonValue.parse("{\"b\":2,\"a\":1}"));
        assertThat(JsonValue.parse("{\"a\":1}")).isNotEqualTo(JsonValue.parse("{\"a\":2}"));
        assertThat(JsonValue.missing()).isNotEqualTo(JsonValue.nullValue());
        assertThat(JsonValue.missing().toString()).isEqualTo("<missing>");
    }
}
