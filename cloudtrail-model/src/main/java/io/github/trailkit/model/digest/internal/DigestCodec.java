package io.github.trailkit.model.digest.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.digest.DigestFile;
import io.github.trailkit.model.digest.DigestLogFile;
import io.github.trailkit.model.digest.DigestParseException;
import io.github.trailkit.model.internal.Json;
import io.github.trailkit.model.internal.JsonValues;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads and writes digest files with the streaming parser. */
public final class DigestCodec {
    private DigestCodec() {}

    /** The uncompressed bytes of a digest object: inflated when gzip (one member, nothing after it), else as is. */
    public static byte[] uncompressed(byte[] bytes, String source) {
        if (!SingleMemberGzip.isGzip(bytes)) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
        try {
            SingleMemberGzip.inflate(new ByteArrayInputStream(bytes), out::write);
        } catch (IOException e) {
            throw new DigestParseException(source, -1, e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** Parses a digest object (gzip or plain). */
    public static DigestFile parse(byte[] bytes, String source) {
        return parseJson(uncompressed(bytes, source), source);
    }

    /** Parses the uncompressed JSON of a digest. */
    public static DigestFile parseJson(byte[] json, String source) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new DigestParseException(source, offset(p), "not a digest file: expected a JSON object", null);
            }
            DigestFile.Builder b = DigestFile.builder();
            String name;
            while ((name = p.nextFieldName()) != null) {
                t = p.nextToken();
                switch (name) {
                    case "awsAccountId" -> optional(p, t, source, name, b::awsAccountId);
                    case "digestStartTime" -> b.digestStartTime(time(p, t, source, name));
                    case "digestEndTime" -> b.digestEndTime(time(p, t, source, name));
                    case "digestS3Bucket" -> b.digestS3Bucket(required(p, t, source, name));
                    case "digestS3Object" -> b.digestS3Object(required(p, t, source, name));
                    case "digestPublicKeyFingerprint" -> b.digestPublicKeyFingerprint(required(p, t, source, name));
                    case "digestSignatureAlgorithm" -> optional(p, t, source, name, b::digestSignatureAlgorithm);
                    case "newestEventTime" -> optional(p, t, source, name, b::newestEventTime);
                    case "oldestEventTime" -> optional(p, t, source, name, b::oldestEventTime);
                    case "previousDigestS3Bucket" -> optional(p, t, source, name, b::previousDigestS3Bucket);
                    case "previousDigestS3Object" -> optional(p, t, source, name, b::previousDigestS3Object);
                    case "previousDigestHashValue" -> optional(p, t, source, name, b::previousDigestHashValue);
                    case "previousDigestHashAlgorithm" -> optional(p, t, source, name, b::previousDigestHashAlgorithm);
                    case "previousDigestSignature" -> optional(p, t, source, name, b::previousDigestSignature);
                    case "logFiles" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw new DigestParseException(source, offset(p), "logFiles is not an array", null);
                        }
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            b.addLogFiles(logFile(p, t, source));
                        }
                    }
                    default -> b.putOtherFields(name, JsonValues.read(p, t));
                }
            }
            if (p.nextToken() != null) {
                throw new DigestParseException(source, offset(p), "data after the digest object", null);
            }
            try {
                return b.build();
            } catch (IllegalStateException e) {
                throw new DigestParseException(source, -1, missing(e.getMessage()), e);
            }
        } catch (JsonProcessingException e) {
            throw new DigestParseException(source, e.getLocation() == null ? -1 : e.getLocation().getByteOffset(),
                    "invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DigestParseException(source, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    private static DigestLogFile logFile(JsonParser p, JsonToken t, String source) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw new DigestParseException(source, offset(p), "logFiles element is not an object", null);
        }
        DigestLogFile.Builder b = DigestLogFile.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            switch (name) {
                case "s3Bucket" -> b.s3Bucket(required(p, t, source, "logFiles[]." + name));
                case "s3Object" -> b.s3Object(required(p, t, source, "logFiles[]." + name));
                case "hashValue" -> b.hashValue(required(p, t, source, "logFiles[]." + name));
                case "hashAlgorithm" -> b.hashAlgorithm(required(p, t, source, "logFiles[]." + name));
                case "newestEventTime" -> optional(p, t, source, "logFiles[]." + name, b::newestEventTime);
                case "oldestEventTime" -> optional(p, t, source, "logFiles[]." + name, b::oldestEventTime);
                default -> b.putOtherFields(name, JsonValues.read(p, t));
            }
        }
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new DigestParseException(source, offset(p), missing(e.getMessage()).replace("field ", "field logFiles[]."), e);
        }
    }

    /** Immutables says "Cannot build DigestFile, some of required attributes are not set [digestEndTime]". */
    private static String missing(String message) {
        int open = message == null ? -1 : message.indexOf('[');
        return open < 0 ? String.valueOf(message) : "missing required field " + message.substring(open + 1).replace("]", "");
    }

    private static String required(JsonParser p, JsonToken t, String source, String name) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw new DigestParseException(source, offset(p), name + " is not a string", null);
        }
        return p.getText();
    }

    private static String time(JsonParser p, JsonToken t, String source, String name) throws IOException {
        String s = required(p, t, source, name);
        try {
            Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new DigestParseException(source, offset(p), name + " is not a UTC time: " + s, e);
        }
        return s;
    }

    private static void optional(JsonParser p, JsonToken t, String source, String name, Consumer<String> set)
            throws IOException {
        if (t != JsonToken.VALUE_NULL) {
            set.accept(required(p, t, source, name));
        }
    }

    private static long offset(JsonParser p) {
        return p.currentLocation().getByteOffset();
    }

    /** Checks a built digest: the range times must be UTC instants. */
    public static void check(DigestFile d) {
        for (String s : new String[] {d.digestStartTime(), d.digestEndTime()}) {
            try {
                Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("not a UTC time: " + s, e);
            }
        }
    }

    /** Writes a digest as CloudTrail does: every standard member, {@code null} when empty. */
    public static String toJson(DigestFile d) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(w)) {
            g.writeStartObject();
            nullable(g, "awsAccountId", d.awsAccountId());
            g.writeStringField("digestStartTime", d.digestStartTime());
            g.writeStringField("digestEndTime", d.digestEndTime());
            g.writeStringField("digestS3Bucket", d.digestS3Bucket());
            g.writeStringField("digestS3Object", d.digestS3Object());
            g.writeStringField("digestPublicKeyFingerprint", d.digestPublicKeyFingerprint());
            nullable(g, "digestSignatureAlgorithm", d.digestSignatureAlgorithm());
            nullable(g, "newestEventTime", d.newestEventTime());
            nullable(g, "oldestEventTime", d.oldestEventTime());
            nullable(g, "previousDigestS3Bucket", d.previousDigestS3Bucket());
            nullable(g, "previousDigestS3Object", d.previousDigestS3Object());
            nullable(g, "previousDigestHashValue", d.previousDigestHashValue());
            nullable(g, "previousDigestHashAlgorithm", d.previousDigestHashAlgorithm());
            nullable(g, "previousDigestSignature", d.previousDigestSignature());
            g.writeArrayFieldStart("logFiles");
            for (DigestLogFile f : d.logFiles()) {
                g.writeStartObject();
                g.writeStringField("s3Bucket", f.s3Bucket());
                g.writeStringField("s3Object", f.s3Object());
                g.writeStringField("hashValue", f.hashValue());
                g.writeStringField("hashAlgorithm", f.hashAlgorithm());
                nullable(g, "newestEventTime", f.newestEventTime());
                nullable(g, "oldestEventTime", f.oldestEventTime());
                other(g, f.otherFields());
                g.writeEndObject();
            }
            g.writeEndArray();
            other(g, d.otherFields());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void nullable(JsonGenerator g, String name, Optional<String> v) throws IOException {
        g.writeFieldName(name);
        if (v.isPresent()) {
            g.writeString(v.get());
        } else {
            g.writeNull();
        }
    }

    private static void other(JsonGenerator g, Map<String, JsonValue> other) throws IOException {
        for (Map.Entry<String, JsonValue> e : other.entrySet()) {
            g.writeFieldName(e.getKey());
            JsonValues.write(e.getValue(), g);
        }
    }
}
