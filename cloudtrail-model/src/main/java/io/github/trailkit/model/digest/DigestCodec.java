package io.github.trailkit.model.digest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.digest.internal.Hex;
import io.github.trailkit.model.digest.internal.InflatingStream;
import io.github.trailkit.model.digest.internal.SingleMemberGzip;
import io.github.trailkit.model.digest.internal.SingleMemberGzip.GzipException;
import io.github.trailkit.model.internal.Json;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads and writes digest files with the streaming parser. */
final class DigestCodec {
    private DigestCodec() {}

    /** A digest read from its stored bytes: the digest and the lower-case hex SHA-256 of its uncompressed bytes. */
    public record Read(DigestFile file, String sha256) {}

    /**
     * Reads a digest object (gzip, one member and nothing after it, or plain JSON) in one streaming pass within
     * {@code limits}: inflated, hashed and parsed as it is read, never held whole.
     *
     * @throws DigestParseException if the object is not a digest, is damaged, or goes over a limit ({@link
     *     DigestLimitExceededException})
     * @throws IOException if the stream cannot be read
     */
    static Read read(InputStream stored, String source, DigestLimits limits) throws IOException {
        Counted raw = new Counted(stored, source, limits.maxDigestBytes());
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        byte[] magic = in.readNBytes(2);
        in.unread(magic);
        boolean gzip = SingleMemberGzip.isGzip(magic);
        MessageDigest sha = Hex.sha256();
        try (InputStream plain = gzip
                ? new InflatingStream(in)
                : new FilterInputStream(in) {
                    @Override
                    public void close() {} // the caller closes the stored stream
                }) {
            Uncompressed json = new Uncompressed(plain, sha, raw, gzip, source, limits);
            DigestFile file = parseJson(json, source, limits);
            json.transferTo(OutputStream.nullOutputStream());
            return new Read(file, Hex.encode(sha.digest()));
        } catch (GzipException e) {
            throw new DigestParseException(source, -1, e.getMessage(), e);
        }
    }

    /** Parses a digest object (gzip or plain) within the default limits. */
    static DigestFile parse(byte[] bytes, String source) {
        try {
            return read(new ByteArrayInputStream(bytes), source, DigestLimits.defaults())
                    .file();
        } catch (IOException e) {
            throw new DigestParseException(source, -1, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses the uncompressed JSON of a digest; stream errors other than JSON ones are thrown as they come. */
    private static DigestFile parseJson(InputStream json, String source, DigestLimits limits) throws IOException {
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
                        int count = 0;
                        String[] last = new String[2];
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (++count > limits.maxLogFiles()) {
                                throw new DigestLimitExceededException(
                                        source,
                                        offset(p),
                                        DigestLimits.Limit.LOG_FILES,
                                        limits.maxLogFiles(),
                                        "the digest lists more than " + limits.maxLogFiles() + " log files");
                            }
                            b.addLogFiles(logFile(p, t, source, last));
                        }
                    }
                    default -> b.putOtherFields(name, readValue(p, t));
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
            throw new DigestParseException(
                    source,
                    e.getLocation() == null ? -1 : e.getLocation().getByteOffset(),
                    "invalid JSON: " + e.getOriginalMessage(),
                    e);
        }
    }

    /** The stored bytes, counted; more than {@code max} is a limit hit. */
    private static final class Counted extends FilterInputStream {
        private final String source;
        private final long max;
        long count;

        Counted(InputStream in, String source, long max) {
            super(in);
            this.source = source;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, max + 1 - count));
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > max) {
                throw new DigestLimitExceededException(
                        source,
                        -1,
                        DigestLimits.Limit.DIGEST_BYTES,
                        max,
                        "the digest object is over " + max + " bytes");
            }
        }
    }

    /** The uncompressed bytes: hashed, counted against the size and inflate-ratio limits. */
    private static final class Uncompressed extends FilterInputStream {
        private final MessageDigest sha;
        private final Counted stored;
        private final boolean gzip;
        private final String source;
        private final DigestLimits limits;
        private long count;

        Uncompressed(
                InputStream in, MessageDigest sha, Counted stored, boolean gzip, String source, DigestLimits limits) {
            super(in);
            this.sha = sha;
            this.stored = stored;
            this.gzip = gzip;
            this.source = source;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                sha.update(b, off, n);
                count += n;
                if (count > limits.maxUncompressedBytes()) {
                    throw new DigestLimitExceededException(
                            source,
                            count,
                            DigestLimits.Limit.UNCOMPRESSED_BYTES,
                            limits.maxUncompressedBytes(),
                            "the digest inflates to more than " + limits.maxUncompressedBytes() + " bytes");
                }
                if (gzip
                        && count > DigestLimits.RATIO_GRACE_BYTES
                        && count > (long) limits.maxInflateRatio() * Math.max(1, stored.count)) {
                    throw new DigestLimitExceededException(
                            source,
                            count,
                            DigestLimits.Limit.INFLATE_RATIO,
                            limits.maxInflateRatio(),
                            "gzip data inflates more than " + limits.maxInflateRatio() + " times (" + count
                                    + " bytes from " + stored.count + ")");
                }
            }
            return n;
        }

        /** The parser closes its source; the caller closes the stored stream. */
        @Override
        public void close() {}

        @Override
        public long skip(long n) throws IOException {
            long skipped = 0;
            byte[] buf = new byte[8192];
            while (skipped < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }

    /** One {@code logFiles} entry; {@code last} holds the previous entry's bucket and algorithm, to share them. */
    private static DigestLogFile logFile(JsonParser p, JsonToken t, String source, String[] last) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw new DigestParseException(source, offset(p), "logFiles element is not an object", null);
        }
        DigestLogFile.Builder b = DigestLogFile.builder();
        String name;
        while ((name = p.nextFieldName()) != null) {
            t = p.nextToken();
            switch (name) {
                case "s3Bucket" -> b.s3Bucket(last[0] = same(last[0], required(p, t, source, "logFiles[]." + name)));
                case "s3Object" -> b.s3Object(required(p, t, source, "logFiles[]." + name));
                case "hashValue" -> b.hashValue(required(p, t, source, "logFiles[]." + name));
                case "hashAlgorithm" ->
                    b.hashAlgorithm(last[1] = same(last[1], required(p, t, source, "logFiles[]." + name)));
                case "newestEventTime" -> optional(p, t, source, "logFiles[]." + name, b::newestEventTime);
                case "oldestEventTime" -> optional(p, t, source, "logFiles[]." + name, b::oldestEventTime);
                default -> b.putOtherFields(name, readValue(p, t));
            }
        }
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new DigestParseException(
                    source, offset(p), missing(e.getMessage()).replace("field ", "field logFiles[]."), e);
        }
    }

    /** {@code previous} when equal to {@code value}: a long listing keeps one copy of a repeated string. */
    private static String same(String previous, String value) {
        return value.equals(previous) ? previous : value;
    }

    /** Immutables says "Cannot build DigestFile, some of required attributes are not set [digestEndTime]". */
    private static String missing(String message) {
        int open = message == null ? -1 : message.indexOf('[');
        return open < 0
                ? String.valueOf(message)
                : "missing required field " + message.substring(open + 1).replace("]", "");
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
    static void check(DigestFile d) {
        for (String s : new String[] {d.digestStartTime(), d.digestEndTime()}) {
            try {
                Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("not a UTC time: " + s, e);
            }
        }
    }

    /** Writes a digest as CloudTrail does: every standard member, {@code null} when empty. */
    static String toJson(DigestFile d) {
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
            g.writeRawValue(e.getValue().toJson());
        }
    }

    /** Reads the value at token {@code t}, numbers with their exact text, through the public {@link JsonValue}. */
    private static JsonValue readValue(JsonParser p, JsonToken t) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator c = Json.FACTORY.createGenerator(w)) {
            int depth = 0;
            do {
                c.copyCurrentEventExact(p);
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            } while (depth > 0 && (t = p.nextToken()) != null);
        }
        return JsonValue.parse(w.toString());
    }
}
