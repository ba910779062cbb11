package io.github.trailkit.test.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailException;
import io.github.trailkit.model.CloudTrailLog;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.FieldPolicy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Classpath resources, and records from the bytes of a record object or a whole log file.
 *
 * <pre>{@code
 * List<CloudTrailRecord> records = Resources.records(Resources.read("/logs/a.json.gz"), "/logs/a.json.gz");
 * }</pre>
 */
public final class Resources {
    /** Fixtures are exact: a member that cannot be read is an error, not a value kept with a warning. */
    private static final io.github.trailkit.model.CloudTrailReader FIXTURES =
            CloudTrail.reader().onBadField(FieldPolicy.REJECT_RECORD);

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Resources() {}

    /** The resource name without a leading slash: classpath names are always absolute here. */
    public static String normalize(String name) {
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /**
     * The URL of a classpath resource, found by the thread's context class loader, else by the loader of this library.
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    public static URL find(String name) {
        String n = normalize(name);
        URL url = null;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            url = context.getResource(n);
        }
        if (url == null) {
            ClassLoader own = Resources.class.getClassLoader();
            url = own != null ? own.getResource(n) : ClassLoader.getSystemResource(n);
        }
        if (url == null) {
            throw new IllegalArgumentException("no resource on the classpath at /" + n);
        }
        return url;
    }

    /** The bytes of a classpath resource. */
    public static byte[] read(String name) {
        try (InputStream in = find(name).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource /" + normalize(name), e);
        }
    }

    /**
     * The records in {@code bytes}: a log file ({@code {"Records":[...]}}, plain or gzip) gives its records, a single
     * record object gives a list of one. {@code source} names the input in errors.
     *
     * @throws IllegalArgumentException when the input is neither
     */
    public static List<CloudTrailRecord> records(byte[] bytes, String source) {
        byte[] json = isGzip(bytes) ? gunzip(bytes, source) : bytes;
        try {
            if (isLog(json, source)) {
                List<CloudTrailRecord> out = new ArrayList<>();
                try (CloudTrailLog log = FIXTURES.read(json, source)) {
                    log.forEach(out::add);
                }
                return out;
            }
            return List.of(FIXTURES.readRecord(new String(json, StandardCharsets.UTF_8)));
        } catch (io.github.trailkit.model.InvalidRecordException e) {
            // CloudTrail JSON with a bad field (an eventTime that is no time): say which record and what is wrong
            String where = e.getMessage().startsWith(e.source() + ": ")
                    ? e.getMessage().substring(e.source().length() + 2)
                    : e.getMessage();
            throw new IllegalArgumentException(source + ": invalid record: " + where, e);
        } catch (CloudTrailException e) {
            throw new IllegalArgumentException(source + ": not a CloudTrail record or log file: " + e.getMessage(), e);
        }
    }

    /** True for the gzip magic bytes. */
    public static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(byte[] bytes, String source) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decompress " + source, e);
        }
    }

    /** True when the first JSON value is an object with a top-level {@code Records} member. */
    private static boolean isLog(byte[] json, String source) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(
                        source + ": expected a JSON object (a record, or a log file " + "{\"Records\":[...]})");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (p.currentName().equals("Records")) {
                    return true;
                }
                p.nextToken();
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getMessage(), e);
        }
    }
}
