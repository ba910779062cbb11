package io.github.trailkit.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.trailkit.model.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How any {@code ObjectMapper} reads and writes trailkit's values: the serializers and deserializers that the
 * annotations on {@link CloudTrailRecord} and {@link JsonValue} name. A record goes through a user's mapper as the
 * JSON that {@code CloudTrail.writer()} writes (its times as CloudTrail's text, whatever the mapper's date settings,
 * so that the tree is the same) and is read back with {@code CloudTrail.reader()}: the same record, or the reader's
 * error as a {@link JsonMappingException}. Numbers keep their exact text both ways.
 */
final class JacksonBinding {
    /** Trees for {@link JsonValue#toJsonNode()}: every number exact. */
    private static final ObjectMapper TREES = new ObjectMapper(Json.FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private JacksonBinding() {}

    /** Writes a {@link CloudTrailRecord} as trailkit's writer does. */
    public static final class RecordSerializer extends StdSerializer<CloudTrailRecord> {
        private static final long serialVersionUID = 1L;

        /** Made by Jackson. */
        public RecordSerializer() {
            super(CloudTrailRecord.class);
        }

        @Override
        public void serialize(CloudTrailRecord value, JsonGenerator g, SerializerProvider provider) throws IOException {
            RecordCodec.write(value, g);
        }
    }

    /** Reads a {@link CloudTrailRecord} as trailkit's reader does. */
    public static final class RecordDeserializer extends StdDeserializer<CloudTrailRecord> {
        private static final long serialVersionUID = 1L;

        /** Made by Jackson. */
        public RecordDeserializer() {
            super(CloudTrailRecord.class);
        }

        @Override
        public CloudTrailRecord deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String json = copy(p);
            try {
                return CloudTrail.reader().readRecord(json);
            } catch (CloudTrailParseException | IllegalArgumentException e) {
                throw JsonMappingException.from(p, "not a CloudTrail record: " + e.getMessage(), e);
            }
        }
    }

    /** Writes a {@link JsonValue} as its JSON; the missing value as {@code null}. */
    public static final class ValueSerializer extends StdSerializer<JsonValue> {
        private static final long serialVersionUID = 1L;

        /** Made by Jackson. */
        public ValueSerializer() {
            super(JsonValue.class);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, JsonValue value) {
            return value == null || !value.isPresent();
        }

        @Override
        public void serialize(JsonValue value, JsonGenerator g, SerializerProvider provider) throws IOException {
            if (value.isPresent()) {
                JsonValues.write(value, g);
            } else {
                g.writeNull();
            }
        }
    }

    /** Reads a {@link JsonValue}, numbers with their exact text. */
    public static final class ValueDeserializer extends StdDeserializer<JsonValue> {
        private static final long serialVersionUID = 1L;

        /** Made by Jackson. */
        public ValueDeserializer() {
            super(JsonValue.class);
        }

        @Override
        public JsonValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return JsonValue.parse(copy(p));
        }

        @Override
        public JsonValue getNullValue(DeserializationContext ctxt) {
            return JsonValue.nullValue();
        }
    }

    /** {@link JsonValue#toJsonNode()}. */
    public static JsonNode toNode(JsonValue v) {
        if (!v.isPresent()) {
            return MissingNode.getInstance();
        }
        try {
            return TREES.readTree(v.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link JsonValue#fromJsonNode(JsonNode)}. */
    public static JsonValue fromNode(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return JsonValue.missing();
        }
        try (JsonParser p = TREES.treeAsTokens(node)) {
            p.nextToken();
            return JsonValue.parse(copy(p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON text of the value at the parser's current token, numbers as their text; the parser is left on the
     * value's last token, as a deserializer must leave it. On a member name, the rest of the object whose start was
     * read already (as a deserializer may be called).
     */
    static String copy(JsonParser p) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            JsonToken t = p.currentToken();
            if (t == JsonToken.FIELD_NAME) {
                g.writeStartObject();
                copyMembers(p, g);
            } else {
                copyValue(p, g, t);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Copies members from the current member name through the object's end. */
    private static void copyMembers(JsonParser p, JsonGenerator g) throws IOException {
        for (JsonToken t = p.currentToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            g.writeFieldName(p.currentName());
            copyValue(p, g, p.nextToken());
        }
        g.writeEndObject();
    }

    private static void copyValue(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
        if (t == null) {
            throw new JsonMappingException(p, "no JSON value", p.currentLocation());
        }
        switch (t) {
            case START_OBJECT:
                g.writeStartObject();
                p.nextToken();
                copyMembers(p, g);
                break;
            case START_ARRAY:
                g.writeStartArray();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    copyValue(p, g, e);
                }
                g.writeEndArray();
                break;
            case VALUE_STRING:
                g.writeString(p.getText());
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                g.writeNumber(p.getText());
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                g.writeBoolean(t == JsonToken.VALUE_TRUE);
                break;
            case VALUE_NULL:
                g.writeNull();
                break;
            default:
                throw new JsonMappingException(p, "not JSON text: " + t, p.currentLocation());
        }
    }
}
