package io.github.trailkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable JSON value: the free-form payloads of a record ({@code requestParameters}, {@code
 * responseElements}, {@code additionalEventData}, {@code serviceEventDetails}, …) and every field trailkit does not
 * know by name.
 *
 * <p>Values are deeply immutable and safe to share between threads. Numbers keep the exact text they were read
 * with, so a value written back is the same JSON it was read from. Navigation never throws: a member or element
 * that is not there is {@link #missing()}, whose accessors are all empty.
 *
 * <pre>{@code
 * JsonValue params = record.requestParameters().orElse(JsonValue.missing());
 * Optional<String> bucket = params.path("bucketName").asString();
 * Optional<String> firstGroup = params.path("groupIds.0").asString();   // array index as a path segment
 * boolean hasPolicy = params.get("policy").isPresent();
 * }</pre>
 *
 * <p>A value converts to and from a Jackson tree ({@link #toJsonNode()}, {@link #fromJsonNode(JsonNode)}), and any
 * {@code ObjectMapper} reads and writes it as its JSON:
 *
 * <pre>{@code
 * JsonNode node = params.toJsonNode();
 * JsonValue back = JsonValue.fromJsonNode(node);              // equal to params
 * String json = new ObjectMapper().writeValueAsString(params); // the same text as params.toJson()
 * }</pre>
 */
@JsonSerialize(using = JacksonBinding.ValueSerializer.class)
@JsonDeserialize(using = JacksonBinding.ValueDeserializer.class)
public abstract class JsonValue {

    /** The kind of a JSON value. {@link #MISSING} stands for a member or element that does not exist. */
    public enum Kind {
        /** A JSON object. */
        OBJECT,
        /** A JSON array. */
        ARRAY,
        /** A JSON string. */
        STRING,
        /** A JSON number. */
        NUMBER,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** The JSON literal {@code null}. */
        NULL,
        /** No value: what navigation returns for an absent member or element. */
        MISSING
    }

    JsonValue() {}

    /** The kind of this value. */
    public abstract Kind kind();

    /** True unless this is {@link #missing()}; a JSON {@code null} is present. */
    public final boolean isPresent() {
        return kind() != Kind.MISSING;
    }

    /** True for the JSON literal {@code null}. */
    public final boolean isNull() {
        return kind() == Kind.NULL;
    }

    /** True for a JSON object. */
    public final boolean isObject() {
        return kind() == Kind.OBJECT;
    }

    /** True for a JSON array. */
    public final boolean isArray() {
        return kind() == Kind.ARRAY;
    }

    /** The member {@code name} of an object; {@link #missing()} when absent or when this is not an object. */
    public JsonValue get(String name) {
        return MISSING;
    }

    /** The element at {@code index} of an array; {@link #missing()} when out of range or not an array. */
    public JsonValue get(int index) {
        return MISSING;
    }

    /**
     * Follows a dotted path: {@code "a.b"} is {@code get("a").get("b")}; a segment of digits also indexes an array
     * ({@code "items.0.name"}). A member whose name itself contains a dot is reached with {@link #get(String)}.
     */
    public final JsonValue path(String dottedPath) {
        Objects.requireNonNull(dottedPath, "dottedPath");
        JsonValue current = this;
        int start = 0;
        while (current.isPresent()) {
            int dot = dottedPath.indexOf('.', start);
            String segment = dot < 0 ? dottedPath.substring(start) : dottedPath.substring(start, dot);
            current = current.step(segment);
            if (dot < 0) {
                return current;
            }
            start = dot + 1;
        }
        return current;
    }

    JsonValue step(String segment) {
        return get(segment);
    }

    /** The members of an object in their order, unmodifiable; empty for any other kind. */
    public Map<String, JsonValue> members() {
        return Map.of();
    }

    /** The elements of an array, unmodifiable; empty for any other kind. */
    public List<JsonValue> elements() {
        return List.of();
    }

    /** The text of a string value; empty for any other kind (numbers are not converted). */
    public Optional<String> asString() {
        return Optional.empty();
    }

    /** The value of a boolean; empty for any other kind. */
    public Optional<Boolean> asBoolean() {
        return Optional.empty();
    }

    /**
     * The exact value of a number; empty for any other kind, and for a number whose exponent is beyond what a {@link
     * BigDecimal} holds (such as {@code 1e99999999999}: its text is kept and written back as it came, and it equals the
     * numbers of the same value).
     */
    public Optional<BigDecimal> asNumber() {
        return Optional.empty();
    }

    /** This value as compact JSON text. */
    public final String toJson() {
        return JsonValues.toJson(this);
    }

    /** Same as {@link #toJson()}. */
    @Override
    public final String toString() {
        return toJson();
    }

    /* ---------------------------------------------------------------- factories */

    /** The absent value that navigation returns. */
    public static JsonValue missing() {
        return MISSING;
    }

    /** The JSON literal {@code null}. */
    public static JsonValue nullValue() {
        return NULL;
    }

    /** A JSON string. */
    public static JsonValue of(String text) {
        return new StringValue(Objects.requireNonNull(text, "text"));
    }

    /** A JSON boolean. */
    public static JsonValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** A JSON number with the exact value of {@code value}. */
    public static JsonValue of(long value) {
        return new NumberValue(Long.toString(value));
    }

    /** A JSON number with the exact value of {@code value}. */
    public static JsonValue of(BigDecimal value) {
        return new NumberValue(value.toString());
    }

    /**
     * A JSON number from its JSON text (such as {@code 9.82222E-5}), kept as written.
     *
     * @throws IllegalArgumentException if {@code jsonNumber} is not a JSON number
     */
    public static JsonValue number(String jsonNumber) {
        if (!isJsonNumber(Objects.requireNonNull(jsonNumber, "jsonNumber"))) {
            throw new IllegalArgumentException("not a JSON number: " + jsonNumber);
        }
        return new NumberValue(jsonNumber);
    }

    /** The JSON number grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    private static boolean isJsonNumber(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && s.charAt(i) == '-') {
            i++;
        }
        int intStart = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        if (i == intStart || (s.charAt(intStart) == '0' && i - intStart > 1)) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            int fracStart = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == fracStart) {
                return false;
            }
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expStart = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == expStart) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A JSON object with the given members, in iteration order of the map. */
    public static JsonValue object(Map<String, JsonValue> members) {
        Map<String, JsonValue> copy = new LinkedHashMap<>(members.size() * 2);
        members.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "member name"), requirePresent(v)));
        return new ObjectValue(Collections.unmodifiableMap(copy));
    }

    /** A JSON array with the given elements. */
    public static JsonValue array(List<JsonValue> elements) {
        List<JsonValue> copy = new ArrayList<>(elements.size());
        elements.forEach(e -> copy.add(requirePresent(e)));
        return new ArrayValue(Collections.unmodifiableList(copy));
    }

    /**
     * Parses JSON text into a value.
     *
     * @throws IllegalArgumentException if {@code json} is not one valid JSON value
     */
    public static JsonValue parse(String json) {
        return JsonValues.parse(json);
    }

    /**
     * This value as a Jackson tree, numbers as {@code BigDecimal} or {@code BigInteger} nodes of the same value; the
     * missing value as a {@code MissingNode}.
     */
    public final JsonNode toJsonNode() {
        return JacksonBinding.toNode(this);
    }

    /**
     * The value of a Jackson tree; a {@code MissingNode} (or {@code null}) is {@link #missing()}.
     *
     * <pre>{@code
     * JsonValue v = JsonValue.fromJsonNode(new ObjectMapper().readTree("{\"a\":[1,2.50]}"));
     * }</pre>
     */
    public static JsonValue fromJsonNode(JsonNode node) {
        return JacksonBinding.fromNode(node);
    }

    private static JsonValue requirePresent(JsonValue v) {
        if (Objects.requireNonNull(v, "value").kind() == Kind.MISSING) {
            throw new IllegalArgumentException("a missing value cannot be stored in JSON; use nullValue()");
        }
        return v;
    }

    /* ---------------------------------------------------------------- implementations */

    private static final JsonValue MISSING = new Scalar(Kind.MISSING);
    private static final JsonValue NULL = new Scalar(Kind.NULL);
    private static final JsonValue TRUE = new BooleanValue(true);
    private static final JsonValue FALSE = new BooleanValue(false);

    private static final class Scalar extends JsonValue {
        private final Kind kind;

        Scalar(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return kind.hashCode();
        }
    }

    private static final class BooleanValue extends JsonValue {
        private final boolean value;

        BooleanValue(boolean value) {
            this.value = value;
        }

        @Override
        public Kind kind() {
            return Kind.BOOLEAN;
        }

        @Override
        public Optional<Boolean> asBoolean() {
            return Optional.of(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BooleanValue other && other.value == value;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(value);
        }
    }

    static final class StringValue extends JsonValue {
        final String value;

        StringValue(String value) {
            this.value = value;
        }

        @Override
        public Kind kind() {
            return Kind.STRING;
        }

        @Override
        public Optional<String> asString() {
            return Optional.of(value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StringValue other && other.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /** A number kept as its JSON text; equal to another number of the same value (1.0 equals 1). */
    static final class NumberValue extends JsonValue {
        final String text;

        NumberValue(String text) {
            this.text = text;
        }

        @Override
        public Kind kind() {
            return Kind.NUMBER;
        }

        @Override
        public Optional<BigDecimal> asNumber() {
            try {
                return Optional.of(new BigDecimal(text));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty(); // an exponent past BigDecimal's range
            }
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof NumberValue)) {
                return false;
            }
            String other = ((NumberValue) o).text;
            return other.equals(text) || canonical(other).equals(canonical(text));
        }

        @Override
        public int hashCode() {
            return canonical(text).hashCode();
        }

        /**
         * The value as sign, significant digits and exponent ({@code -12e-3} for -0.012, {@code 0} for any zero): equal
         * for numbers of equal value, and made without {@link BigDecimal}, whose exponent is an int, so that any
         * number a log holds (within the number length limit) compares and hashes.
         */
        static String canonical(String text) {
            int i = 0;
            boolean negative = text.startsWith("-");
            if (negative || text.startsWith("+")) {
                i = 1;
            }
            int e = indexOfExponent(text);
            String mantissa = text.substring(i, e);
            int dot = mantissa.indexOf('.');
            String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int fraction = dot < 0 ? 0 : mantissa.length() - dot - 1;
            int first = 0;
            while (first < digits.length() && digits.charAt(first) == '0') {
                first++;
            }
            if (first == digits.length()) {
                return "0";
            }
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            java.math.BigInteger exponent = e < text.length()
                    ? new java.math.BigInteger(text.substring(text.charAt(e + 1) == '+' ? e + 2 : e + 1))
                    : java.math.BigInteger.ZERO;
            exponent = exponent.add(java.math.BigInteger.valueOf((long) digits.length() - end - fraction));
            return (negative ? "-" : "") + digits.substring(first, end) + "e" + exponent;
        }

        private static int indexOfExponent(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == 'e' || c == 'E') {
                    return i;
                }
            }
            return text.length();
        }
    }

    private static final class ObjectValue extends JsonValue {
        private final Map<String, JsonValue> members;

        ObjectValue(Map<String, JsonValue> members) {
            this.members = members;
        }

        @Override
        public Kind kind() {
            return Kind.OBJECT;
        }

        @Override
        public JsonValue get(String name) {
            JsonValue v = members.get(name);
            return v == null ? MISSING : v;
        }

        @Override
        public Map<String, JsonValue> members() {
            return members;
        }

        @Override
        public boolean equals(Object o) {
            o = resolved(o);
            return o instanceof ObjectValue other && other.members.equals(members);
        }

        @Override
        public int hashCode() {
            return members.hashCode();
        }
    }

    private static final class ArrayValue extends JsonValue {
        private final List<JsonValue> elements;

        ArrayValue(List<JsonValue> elements) {
            this.elements = elements;
        }

        @Override
        public Kind kind() {
            return Kind.ARRAY;
        }

        @Override
        public JsonValue get(int index) {
            return index >= 0 && index < elements.size() ? elements.get(index) : MISSING;
        }

        @Override
        JsonValue step(String segment) {
            int index = parseIndex(segment);
            return index < 0 ? MISSING : get(index);
        }

        @Override
        public List<JsonValue> elements() {
            return elements;
        }

        @Override
        public boolean equals(Object o) {
            o = resolved(o);
            return o instanceof ArrayValue other && other.elements.equals(elements);
        }

        @Override
        public int hashCode() {
            return elements.hashCode();
        }

        private static int parseIndex(String segment) {
            if (segment.isEmpty() || segment.length() > 9) {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }

    /** {@code o}, or the decoded value when {@code o} is a {@link LazyValue}: what equality compares. */
    private static Object resolved(Object o) {
        return o instanceof LazyValue ? ((LazyValue) o).decoded() : o;
    }

    /**
     * An object or array kept as the UTF-8 JSON text it was read from and decoded into an ordinary {@link ObjectValue}
     * or {@link ArrayValue} on first use: the reader makes the free-form payloads of a record lazy, because they are
     * most of its text and most records are never asked for them. The reader has already checked the text (syntax,
     * UTF-8, limits, duplicate names), so decoding cannot fail. Indistinguishable from the decoded value: same kind,
     * same navigation, equal to it and with its hash code.
     *
     * <p>Immutable from the outside and safe to share between threads: the decoded value is published through a
     * volatile field; two threads that both find it missing both decode, to equal values, and either is kept.
     */
    static final class LazyValue extends JsonValue {
        private final Kind kind;
        private final byte[] json;
        private volatile JsonValue decoded;

        /** {@code json} is one valid object or array, taken over (not copied); {@code kind} is its kind. */
        LazyValue(Kind kind, byte[] json) {
            this.kind = kind;
            this.json = json;
        }

        /** Whether the text was decoded already (for tests). */
        boolean isDecoded() {
            return decoded != null;
        }

        JsonValue decoded() {
            JsonValue d = decoded;
            if (d == null) {
                d = JsonValues.decode(json);
                decoded = d;
            }
            return d;
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public JsonValue get(String name) {
            return kind == Kind.OBJECT ? decoded().get(name) : MISSING;
        }

        @Override
        public JsonValue get(int index) {
            return kind == Kind.ARRAY ? decoded().get(index) : MISSING;
        }

        @Override
        JsonValue step(String segment) {
            return decoded().step(segment);
        }

        @Override
        public Map<String, JsonValue> members() {
            return kind == Kind.OBJECT ? decoded().members() : Map.of();
        }

        @Override
        public List<JsonValue> elements() {
            return kind == Kind.ARRAY ? decoded().elements() : List.of();
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (o instanceof LazyValue other && java.util.Arrays.equals(other.json, json)) {
                return true; // the same text decodes to the same value
            }
            return o instanceof JsonValue && decoded().equals(o);
        }

        @Override
        public int hashCode() {
            return decoded().hashCode();
        }
    }

    /** Trusted construction for the reader ({@link JsonValues}), which lives in this package. */
    static final JsonValues.Access ACCESS = new JsonValues.Access() {
        @Override
        public JsonValue object(Map<String, JsonValue> unmodifiableMembers) {
            return new ObjectValue(unmodifiableMembers);
        }

        @Override
        public JsonValue array(List<JsonValue> unmodifiableElements) {
            return new ArrayValue(unmodifiableElements);
        }

        @Override
        public JsonValue number(String validJsonNumber) {
            return new NumberValue(validJsonNumber);
        }

        @Override
        public JsonValue lazy(boolean object, byte[] json) {
            return new LazyValue(object ? Kind.OBJECT : Kind.ARRAY, json);
        }

        @Override
        public JsonValue decoded(JsonValue value) {
            return value instanceof LazyValue ? ((LazyValue) value).decoded() : value;
        }

        @Override
        public String numberText(JsonValue number) {
            return ((NumberValue) number).text;
        }
    };
}
