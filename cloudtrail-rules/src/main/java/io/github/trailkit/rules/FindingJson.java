package io.github.trailkit.rules;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.UserIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Finding} as JSON: what {@link Finding#toJson(boolean)} writes, and what any {@code ObjectMapper} writes and
 * reads through the annotations on {@link Finding}.
 */
final class FindingJson {
    private FindingJson() {}

    /**
     * Writes the finding as one JSON object: {@code ruleId}, {@code title}, {@code severity}, {@code tags}, {@code
     * dedupKey}, a summary of the record, {@code source} and {@code recordIndex} when known, and with {@code
     * withRecord} the whole {@code record}.
     */
    static void write(Finding f, JsonGenerator g, boolean withRecord) throws IOException {
        CloudTrailRecord r = f.record();
        g.writeStartObject();
        g.writeStringField("ruleId", f.ruleId());
        g.writeStringField("title", f.title());
        g.writeStringField("severity", f.severity().name());
        g.writeArrayFieldStart("tags");
        for (String t : f.tags()) {
            g.writeString(t);
        }
        g.writeEndArray();
        List<AttackTactic> tactics = f.attackTactics();
        if (!tactics.isEmpty()) {
            g.writeArrayFieldStart("attackTactics");
            for (AttackTactic t : tactics) {
                g.writeString(t.id());
            }
            g.writeEndArray();
        }
        List<String> techniques = f.attackTechniques();
        if (!techniques.isEmpty()) {
            g.writeArrayFieldStart("attackTechniques");
            for (String t : techniques) {
                g.writeString(t);
            }
            g.writeEndArray();
        }
        g.writeStringField("dedupKey", f.dedupKey());
        field(g, "eventID", r.eventID());
        field(g, "eventName", r.eventName());
        field(g, "eventSource", r.eventSource());
        field(g, "eventTime", r.eventTime().map(Object::toString));
        field(g, "awsRegion", r.awsRegion());
        field(g, "recipientAccountId", r.recipientAccountId());
        if (r.userIdentity().isPresent()) {
            UserIdentity id = r.userIdentity().get();
            g.writeObjectFieldStart("userIdentity");
            field(g, "type", id.typeAsString());
            field(g, "arn", id.arn());
            g.writeEndObject();
        }
        field(g, "source", f.source());
        if (f.recordIndex().isPresent()) {
            g.writeNumberField("recordIndex", f.recordIndex().getAsLong());
        }
        if (withRecord) {
            g.writeFieldName("record");
            CloudTrail.writer().writeRecord(r, g);
        }
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }

    /** Writes a finding with its record. */
    public static final class Serializer extends StdSerializer<Finding> {
        private static final long serialVersionUID = 1L;

        /** Made by Jackson. */
        public Serializer() {
            super(Finding.class);
        }

        @Override
        public void serialize(Finding value, JsonGenerator g, SerializerProvider provider) throws IOException {
            write(value, g, true);
        }
    }

    /** Reads a finding written with its record; the record summary members are read from the record itself. */
    public static final class Deserializer extends StdDeserializer<Finding> {
        private static final long serialVersionUID = 1L;

        /** Made by Jackson. */
        public Deserializer() {
            super(Finding.class);
        }

        @Override
        public Finding deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_OBJECT) {
                t = p.nextToken();
            }
            Finding.Builder b = Finding.builder();
            boolean record = false;
            for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                switch (name) {
                    case "ruleId":
                        b.ruleId(ctxt.readValue(p, String.class));
                        break;
                    case "title":
                        b.title(ctxt.readValue(p, String.class));
                        break;
                    case "severity":
                        b.severity(Severity.valueOf(ctxt.readValue(p, String.class)));
                        break;
                    case "tags": {
                        List<String> tags = new ArrayList<>();
                        if (v != JsonToken.START_ARRAY) {
                            return (Finding) ctxt.handleUnexpectedToken(Finding.class, p);
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            tags.add(ctxt.readValue(p, String.class));
                        }
                        b.tags(tags);
                        break;
                    }
                    case "dedupKey":
                        b.dedupKey(ctxt.readValue(p, String.class));
                        break;
                    case "source":
                        b.source(ctxt.readValue(p, String.class));
                        break;
                    case "recordIndex":
                        b.recordIndex(p.getLongValue());
                        break;
                    case "record":
                        b.record(ctxt.readValue(p, CloudTrailRecord.class));
                        record = true;
                        break;
                    default:
                        p.skipChildren(); // the record summary: the record itself holds it
                }
            }
            if (!record) {
                return (Finding) ctxt.reportInputMismatch(
                        Finding.class,
                        "a finding needs its \"record\" (written by Finding's serializer or toJson(true))");
            }
            try {
                return b.build();
            } catch (IllegalStateException e) {
                return (Finding) ctxt.reportInputMismatch(Finding.class, "not a finding: %s", e.getMessage());
            }
        }
    }
}
