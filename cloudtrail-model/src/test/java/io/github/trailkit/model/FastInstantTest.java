package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastInstantTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-01-31T23:59:59Z",
                "1970-01-01T00:00:00Z",
                "2024-02-29T12:00:00Z",
                "2023-07-19T21:11:57.1Z",
                "2023-07-19T21:11:57.123Z",
                "2023-07-19T21:11:57.123456789Z",
                "0001-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "1969-12-31T23:59:59.5Z"
            })
    void agreesWithInstantParseOnValidTimes(String text) {
        assertThat(Fields.fastInstant(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2023-02-29T00:00:00Z",
                "2024-13-01T00:00:00Z",
                "2024-00-01T00:00:00Z",
                "2024-04-31T00:00:00Z",
                "2024-01-01T24:00:00Z",
                "2024-01-01T00:60:00Z",
                "2024-01-01T23:59:60Z",
                "2024-01-01T00:00:00.Z",
                "2024-01-01T00:00:00.1234567890Z",
                "2024-01-01t00:00:00z",
                "2024-01-01T00:00:00+01:00",
                "+2024-01-01T00:00:00Z",
                "2024-1-01T00:00:00Z",
                "2024-01-01T00:00:0xZ",
                "20240101T000000Z",
                "",
                "2024-01-01T00:00:00"
            })
    void leavesEverythingElseToInstantParse(String text) {
        assertThat(Fields.fastInstant(text)).isNull();
    }

    @Test
    void agreesWithInstantParseOnRandomTimes() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(
                    r.nextLong(-62_000_000_000L, 250_000_000_000L), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
            String text = t.toString();
            assertThat(Fields.fastInstant(text)).as(text).isEqualTo(parseOrNull(text));
        }
    }

    private static Instant parseOrNull(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
