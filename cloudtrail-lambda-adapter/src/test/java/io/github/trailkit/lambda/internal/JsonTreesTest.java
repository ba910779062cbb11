package io.github.trailkit.lambda.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The mapper-free trees read and write what {@code ObjectMapper} does. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String DOCUMENT = "{\"Records\":[{\"s3\":{\"object\":{\"key\":\"a%2Fb\",\"size\":311484}}},"
            + "{\"n\":[1,-2147483649,123456789012345678901234567890,1.5e3,-0.25,true,false,null,\"\\u00e9\\n\"]}],"
            + "\"empty\":{},\"list\":[],\"deep\":{\"a\":{\"b\":{\"c\":[[[]]]}}}}";

    @Test
    void readsTheSameTreeAsAMapper() throws Exception {
        JsonNode ours = JsonTrees.read(DOCUMENT.getBytes(UTF_8));
        assertThat(ours).isEqualTo(MAPPER.readTree(DOCUMENT));
        assertThat(JsonTrees.read(DOCUMENT)).isEqualTo(ours);
        JsonNode n = ours.path("Records").path(1).path("n");
        assertThat(n.get(0).isInt()).isTrue();
        assertThat(n.get(1).isLong()).isTrue();
        assertThat(n.get(2).bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(n.get(3).isDouble()).isTrue();
        assertThat(n.get(8).textValue()).isEqualTo("é\n");
    }

    @Test
    void aRepeatedKeyKeepsItsLastValueAsAMapperDoes() throws Exception {
        String json = "{\"a\":1,\"a\":{\"b\":2}}";
        assertThat(JsonTrees.read(json)).isEqualTo(MAPPER.readTree(json));
        assertThat(JsonTrees.read(json).path("a").path("b").intValue()).isEqualTo(2);
    }

    @Test
    void emptyInputIsMissingAndTrailingTokensAreErrors() throws Exception {
        assertThat(JsonTrees.read("  ").isMissingNode()).isTrue();
        assertThatThrownBy(() -> JsonTrees.read("{} {}"))
                .isInstanceOf(JsonParseException.class)
                .hasMessageStartingWith("Trailing token");
        assertThatThrownBy(() -> JsonTrees.read("{\"a\":")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> JsonTrees.read("[1,]")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void writesWhatAMapperWrites() throws Exception {
        JsonNode tree = MAPPER.readTree(DOCUMENT);
        assertThat(new String(JsonTrees.write(tree), UTF_8)).isEqualTo(MAPPER.writeValueAsString(tree));
        assertThat(JsonTrees.read(JsonTrees.write(tree))).isEqualTo(tree);
    }
}
