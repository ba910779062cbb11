package io.github.trailkit.model.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.trailkit.model.EventVersion;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads one typed field value from the parser, or fails with an {@link InvalidFieldException}. */
public final class Fields {
    private Fields() {}

    /** Reads one element of a list. */
    @FunctionalInterface
    public interface ElementReader<T> {
        T read(JsonParser p, JsonToken t) throws IOException;
    }

    private static final DateTimeFormatter BASIC_UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    public static void expectObject(JsonParser p, JsonToken t) throws InvalidFieldException {
        if (t != JsonToken.START_OBJECT) {
            throw wrongType(p, "an object", t);
        }
    }

    public static String string(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw wrongType(p, "a string", t);
        }
        return p.getText();
    }

    public static Boolean bool(JsonParser p, JsonToken t) throws InvalidFieldException {
        if (t == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        throw wrongType(p, "a boolean", t);
    }

    public static Instant instant(JsonParser p, JsonToken t) throws IOException {
        String text = string(p, t);
        Instant fast = fastInstant(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(pointer(p), "expected an ISO 8601 UTC time such as 2024-01-31T23:59:59Z, found \""
                    + abbreviate(text) + "\"");
        }
    }

    /**
     * The instant of {@code text} when it has the form CloudTrail writes, {@code uuuu-MM-ddTHH:mm:ss[.fraction]Z} with
     * valid fields, else {@code null} (the caller then uses {@link Instant#parse}, which decides and words the error).
     * {@link Instant#parse} spends most of a record's time-field cost in its general formatter machinery.
     */
    static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21; // between '.' and 'Z'
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int f = digits(s, 20, fraction);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The value of {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    public static EventVersion version(JsonParser p, JsonToken t) throws IOException {
        String text = string(p, t);
        try {
            return EventVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(pointer(p), "expected major.minor such as 1.09, found \"" + abbreviate(text) + "\"");
        }
    }

    public static BigDecimal decimal(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongType(p, "a number", t);
        }
        return new BigDecimal(p.getText());
    }

    public static long integer(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(p, "an integer", t);
        }
        try {
            return Long.parseLong(p.getText());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(pointer(p), "integer out of range: " + abbreviate(p.getText()));
        }
    }

    public static <T> List<T> list(JsonParser p, JsonToken t, ElementReader<T> element) throws IOException {
        if (t != JsonToken.START_ARRAY) {
            throw wrongType(p, "an array", t);
        }
        List<T> items = new ArrayList<>();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            items.add(element.read(p, t));
        }
        return List.copyOf(items);
    }

    /** Reads ISO 8601 extended ({@code 2023-07-19T21:11:57Z}) or basic ({@code 20131102T010628Z}) UTC times. */
    public static Optional<Instant> parseFlexibleInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text, BASIC_UTC).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static InvalidFieldException wrongType(JsonParser p, String expected, JsonToken found) {
        return new InvalidFieldException(pointer(p), "expected " + expected + ", found " + describe(found));
    }

    static String pointer(JsonParser p) {
        String ptr = p.getParsingContext().pathAsPointer().toString();
        return ptr.isEmpty() ? "/" : ptr;
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
