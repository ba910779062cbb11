package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.trailkit.model.internal.JacksonSupport;
import io.github.trailkit.model.internal.Json;
import io.github.trailkit.model.internal.SmallMap;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@link JsonValue}s with the streaming parser and generator. */
final class JsonValues {
    private JsonValues() {}

    /**
     * Trusted construction for the parser: collections handed over are already unmodifiable and number text is
     * already valid JSON. {@link JsonValue#ACCESS} is the one implementation.
     */
    interface Access {
        JsonValue object(Map<String, JsonValue> unmodifiableMembers);

        JsonValue array(List<JsonValue> unmodifiableElements);

        JsonValue number(String validJsonNumber);

        String numberText(JsonValue number);

        /** An object ({@code object}) or array kept as its JSON text, decoded on first use; {@code json} is taken over. */
        JsonValue lazy(boolean object, byte[] json);

        /** The decoded value of a lazy value; any other value itself. */
        JsonValue decoded(JsonValue value);
    }

    /**
     * Decodes payloads captured by the reader. The reader has checked the text against its limits already; this
     * factory has none that could refuse it again (the reader's limits may be set above Jackson's defaults), and no
     * duplicate detection (there are no duplicates left to find).
     */
    private static final JsonFactory DECODE_FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(JacksonSupport.documentLength(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(Integer.MAX_VALUE)
                                    .maxStringLength(Integer.MAX_VALUE)
                                    .maxNumberLength(Integer.MAX_VALUE),
                            -1)
                    .build())
            .build();

    private static Access access() {
        return JsonValue.ACCESS;
    }

    /**
     * Reads a free-form payload that starts at token {@code t}: an object or array is captured as its text and
     * decoded on first use when the parser is the reader's {@link LimitedParser}; anything else is read as by
     * {@link #read}. Every error {@link #read} would find in the text is found here too, at the same place.
     */
    public static JsonValue readPayload(JsonParser p, JsonToken t) throws IOException {
        if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) && p instanceof LimitedParser) {
            byte[] json = ((LimitedParser) p).skipAndCapture(t);
            if (json != null) {
                return access().lazy(t == JsonToken.START_OBJECT, json);
            }
        }
        return read(p, t);
    }

    /** Decodes the text of a lazy value: one object or array, valid and within limits (it was read before). */
    public static JsonValue decode(byte[] json) {
        try (JsonParser p = DECODE_FACTORY.createParser(json)) {
            return read(p, p.nextToken());
        } catch (IOException e) {
            throw new IllegalStateException("a captured JSON value does not decode", e);
        }
    }

    /** Reads the value that starts at token {@code t}. */
    public static JsonValue read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return access().object(readMembers(p));
            case START_ARRAY: {
                List<JsonValue> elements = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(read(p, t));
                }
                return access().array(elements.isEmpty() ? List.of() : Collections.unmodifiableList(elements));
            }
            case VALUE_STRING:
                return JsonValue.of(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return access().number(p.getText());
            case VALUE_TRUE:
                return JsonValue.of(true);
            case VALUE_FALSE:
                return JsonValue.of(false);
            case VALUE_NULL:
                return JsonValue.nullValue();
            default:
                throw Fields.wrongType(p, "a JSON value", t);
        }
    }

    /**
     * The members of the object whose start the parser is on, unmodifiable, in their order; a repeated name keeps its
     * first place and its last value. Up to {@link SmallMap#MAX} members are kept in a {@link SmallMap}.
     */
    private static Map<String, JsonValue> readMembers(JsonParser p) throws IOException {
        String name = p.nextFieldName();
        if (name == null) {
            return Map.of();
        }
        String[] keys = new String[SmallMap.MAX];
        Object[] values = new Object[SmallMap.MAX];
        int n = 0;
        do {
            JsonValue value = read(p, p.nextToken());
            int at = -1;
            for (int i = 0; i < n; i++) {
                if (keys[i].equals(name)) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                values[at] = value;
            } else if (n < SmallMap.MAX) {
                keys[n] = name;
                values[n++] = value;
            } else {
                Map<String, JsonValue> members = new LinkedHashMap<>(32);
                for (int i = 0; i < n; i++) {
                    members.put(keys[i], (JsonValue) values[i]);
                }
                members.put(name, value);
                while ((name = p.nextFieldName()) != null) {
                    members.put(name, read(p, p.nextToken()));
                }
                return Collections.unmodifiableMap(members);
            }
        } while ((name = p.nextFieldName()) != null);
        return new SmallMap<>(keys, values, n);
    }

    /** Writes a value; a missing value cannot be written. */
    public static void write(JsonValue v, JsonGenerator g) throws IOException {
        switch (v.kind()) {
            case OBJECT:
                g.writeStartObject();
                for (Map.Entry<String, JsonValue> e : v.members().entrySet()) {
                    g.writeFieldName(e.getKey());
                    write(e.getValue(), g);
                }
                g.writeEndObject();
                break;
            case ARRAY:
                g.writeStartArray();
                for (JsonValue e : v.elements()) {
                    write(e, g);
                }
                g.writeEndArray();
                break;
            case STRING:
                g.writeString(v.asString().orElseThrow());
                break;
            case NUMBER:
                g.writeNumber(access().numberText(v));
                break;
            case BOOLEAN:
                g.writeBoolean(v.asBoolean().orElseThrow());
                break;
            case NULL:
                g.writeNull();
                break;
            default:
                throw new IllegalArgumentException("a missing value has no JSON form");
        }
    }

    /** The compact JSON text of a value; {@code "<missing>"} for the missing value. */
    public static String toJson(JsonValue v) {
        if (!v.isPresent()) {
            return "<missing>";
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            write(v, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses exactly one JSON value. */
    public static JsonValue parse(String json) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("no JSON value in an empty text");
            }
            JsonValue v = read(p, t);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value at " + Fields.pointer(p) + " (char "
                        + p.currentTokenLocation().getCharOffset() + ")");
            }
            return v;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
