package io.github.trailkit.model.digest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.trailkit.model.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudTrail public keys a verification may use, by fingerprint. A digest names the key that signed it with
 * {@code digestPublicKeyFingerprint}; keys are region-specific, so supply the keys of the region that delivered the
 * digests.
 *
 * <pre>{@code
 * // aws cloudtrail list-public-keys --region us-east-2 --start-time 2024-01-01 > keys.json
 * PublicKeys keys = PublicKeys.fromFile(Path.of("keys.json"));
 * // or in code
 * PublicKeys same = PublicKeys.of(TrailPublicKey.of(derBytes));
 * }</pre>
 */
public final class PublicKeys {
    private final Map<String, TrailPublicKey> byFingerprint;

    private PublicKeys(Map<String, TrailPublicKey> byFingerprint) {
        this.byFingerprint = byFingerprint;
    }

    /** These keys; a later key with the same fingerprint replaces an earlier one. */
    public static PublicKeys of(TrailPublicKey... keys) {
        return of(List.of(keys));
    }

    /** These keys; a later key with the same fingerprint replaces an earlier one. */
    public static PublicKeys of(Collection<TrailPublicKey> keys) {
        Map<String, TrailPublicKey> m = new LinkedHashMap<>();
        for (TrailPublicKey k : keys) {
            m.put(k.fingerprint(), k);
        }
        return new PublicKeys(m);
    }

    /**
     * Reads the JSON that {@code aws cloudtrail list-public-keys} prints: {@code {"PublicKeyList": [{"Value": base64
     * DER, "ValidityStartTime": ..., "ValidityEndTime": ..., "Fingerprint": hex}]}}. Other members are ignored.
     *
     * @param file the file
     * @return the keys
     * @throws IllegalArgumentException naming the file when it is not in that shape or a key cannot be loaded
     * @throws UncheckedIOException if the file cannot be read
     */
    public static PublicKeys fromFile(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read public keys", e);
        }
    }

    /**
     * Reads {@code list-public-keys} JSON from a string; see {@link #fromFile(Path)}.
     *
     * @param json the JSON text
     * @param source a name for error messages
     * @return the keys
     * @throws IllegalArgumentException naming the source when the JSON is not in that shape
     */
    public static PublicKeys parse(String json, String source) {
        List<TrailPublicKey> keys = new ArrayList<>();
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(source + ": expected a JSON object with PublicKeyList");
            }
            boolean found = false;
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken t = p.nextToken();
                if (!name.equals("PublicKeyList")) {
                    p.skipChildren();
                    continue;
                }
                found = true;
                if (t != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException(source + ": PublicKeyList is not an array");
                }
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new IllegalArgumentException(source + ": PublicKeyList element is not an object");
                    }
                    keys.add(key(p, source + ": PublicKeyList[" + keys.size() + "]"));
                }
            }
            if (!found) {
                throw new IllegalArgumentException(source + ": no PublicKeyList");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(keys);
    }

    private static TrailPublicKey key(JsonParser p, String where) throws IOException {
        String value = null;
        String fingerprint = null;
        Instant start = null;
        Instant end = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "Value" -> value = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "Fingerprint" -> fingerprint = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "ValidityStartTime" -> start = time(p, t, where);
                case "ValidityEndTime" -> end = time(p, t, where);
                default -> p.skipChildren();
            }
        }
        if (value == null) {
            throw new IllegalArgumentException(where + ": no Value");
        }
        byte[] der;
        try {
            der = java.util.Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": Value is not base64", e);
        }
        try {
            return fingerprint == null ? TrailPublicKey.of(der) : TrailPublicKey.of(der, fingerprint, start, end);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    /** ISO text as the AWS CLI prints it ({@code 2024-01-01T00:00:00+00:00} or {@code ...Z}), or epoch seconds. */
    private static Instant time(JsonParser p, JsonToken t, String where) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal seconds = p.getDecimalValue();
            return Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(s);
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException(where + ": not a time: " + s, e2);
                }
            }
        }
        p.skipChildren();
        return null;
    }

    /** The key with this fingerprint (either case). */
    public Optional<TrailPublicKey> find(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint.toLowerCase(Locale.ROOT)));
    }

    /** Every key, in the order given. */
    public List<TrailPublicKey> keys() {
        return List.copyOf(byFingerprint.values());
    }

    /** These keys and {@code more}; on equal fingerprints {@code more} wins. */
    public PublicKeys and(PublicKeys more) {
        Map<String, TrailPublicKey> m = new LinkedHashMap<>(byFingerprint);
        m.putAll(more.byFingerprint);
        return new PublicKeys(m);
    }

    @Override
    public String toString() {
        return "PublicKeys" + byFingerprint.keySet();
    }
}
