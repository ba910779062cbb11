package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

final class SafeTextTest {
    @Test
    void everyLineBreakControlAndBidiCharacterIsEscaped() {
        assertThat(SafeText.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(SafeText.escape("\u001b]0;t\u0007\u007f\u0085\u009b"))
                .isEqualTo("\\u001b]0;t\\u0007\\u007f\\u0085\\u009b");
        assertThat(SafeText.escape("\u2028\u2029\u202a\u202e\u2066\u2069\u200e\u200f\u061c"))
                .isEqualTo("\\u2028\\u2029\\u202a\\u202e\\u2066\\u2069\\u200e\\u200f\\u061c");
        assertThat(SafeText.escape("x\ud800y\udc00z")).isEqualTo("x\\ud800y\\udc00z");
    }

    @Test
    void printableTextIsTheSameStringAndPairsStay() {
        String s = "s3://bucket/AWSLogs/é/日本/\ud83d\ude00 \\n";
        assertThat(SafeText.escape(s)).isSameAs(s);
    }

    @Test
    void aJsonLineEscapedIsTheSameJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String line = json.writeValueAsString(java.util.Map.of("k\u202e", "v\u2028\u0085\n\u001b"));
        String escaped = SafeText.escape(line);
        assertThat(escaped).doesNotContain("\u202e", "\u2028", "\u0085");
        assertThat(json.readTree(escaped)).isEqualTo(json.readTree(line));
    }
}
