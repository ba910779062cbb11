package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
final class Fields {
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
        return instant(p, string(p, t));
    }

    /**
     * The instant a time field's text names: CloudTrail's form {@code 2024-01-31T23:59:59Z}, or another common form of
     * one instant (a space for {@code T}, up to nine fractional digits, an offset such as {@code +01:00} for {@code Z},
     * {@code 24:00:00}, a leap second); a time without a zone names no one instant and is refused.
     */
    public static Instant instant(JsonParser p, String text) throws InvalidFieldException {
        Instant fast = fastInstant(text);
        if (fast != null) {
            return fast;
        }
        String iso =
                text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    pointer(p),
                    "expected an ISO 8601 time with a zone such as 2024-01-31T23:59:59Z," + " found \""
                            + abbreviate(text) + "\"");
        }
    }

    /**
     * Whether {@code text}, read as {@code instant}, is written back as it came by {@link Instant#toString()}; when not,
     * the reader keeps the text beside the instant. True at once for CloudTrail's own 20-character form.
     */
    public static boolean writtenAsRead(String text, Instant instant) {
        if (text.length() == 20
                && text.charAt(10) == 'T'
                && text.charAt(16) == ':'
                && text.charAt(19) == 'Z'
                && text.charAt(17) < '6'
                && !(text.charAt(11) == '2' && text.charAt(12) == '4')) {
            return true; // uuuu-MM-ddTHH:mm:ssZ read as itself: no 24:00, no leap second
        }
        return instant.toString().equals(text);
    }

    /**
     * Whether {@code other}, an {@code otherFields} entry under a time field's own name, is the text that field was
     * written in: a string that reads as {@code instant}.
     */
    public static boolean isTextOf(io.github.trailkit.model.JsonValue other, Instant instant) {
        String text = other.asString().orElse(null);
        if (text == null) {
            return false;
        }
        try {
            return instant(null, text).equals(instant);
        } catch (InvalidFieldException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The instant of {@code text} when it has the form CloudTrail writes, {@code uuuu-MM-ddTHH:mm:ss[.fraction]Z} with
     * valid fields, else {@code null} (the caller then uses {@link Instant#parse}, which decides and words the error).
     * {@link Instant#parse} spends most of a record's time-field cost in its general formatter machinery.
     */
    static Instant fastInstant(String s) {
        int n = s.length();
        if (n < 20
                || n > 30
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
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
            throw new InvalidFieldException(
                    pointer(p), "expected major.minor such as 1.09, found \"" + abbreviate(text) + "\"");
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
            try {
                items.add(element.read(p, t));
            } catch (InvalidFieldException e) {
                if (e.kept() != null || !BadFields.kept(p)) {
                    throw e;
                }
                throw new InvalidFieldException(e.pointer(), e.problem(), restOf(p, items));
            }
        }
        return List.copyOf(items);
    }

    /**
     * The whole list as it came, when the element the parser is on (at its first token) cannot be read: the elements
     * read before it written back, which gives the same JSON, then the rest as it stands; the parser ends on the
     * list's end.
     */
    private static io.github.trailkit.model.JsonValue restOf(JsonParser p, List<?> before) throws IOException {
        List<io.github.trailkit.model.JsonValue> all = new ArrayList<>();
        for (Object item : before) {
            all.add(io.github.trailkit.model.JsonValue.parse(RecordCodec.toJson(item)));
        }
        JsonToken t = p.currentToken();
        do {
            all.add(JsonValues.read(p, t));
        } while ((t = p.nextToken()) != JsonToken.END_ARRAY);
        return io.github.trailkit.model.JsonValue.array(all);
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
        if (p == null) {
            return "/";
        }
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
