package io.github.trailkit.lambda.internal;

import io.github.trailkit.rules.Rule;
import io.github.trailkit.rules.RuleDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Loads rule documents from the locations named in {@code TRAILKIT_RULES}: a comma-separated list of
 * {@code classpath:/path/rules.yaml}, {@code s3://bucket/key/rules.yaml} or a file path ({@code /opt/rules.yaml},
 * for a Lambda layer). Errors name the location and, for an invalid document, the line and column.
 */
public final class RuleLocations {
    private RuleLocations() {}

    /**
     * Loads every rule of every location, in order.
     *
     * @param locations the comma-separated locations
     * @param s3 the client {@code s3://} locations are read with (not used otherwise)
     * @return the rules
     * @throws IllegalArgumentException when a location is empty or cannot be read
     */
    public static List<Rule> load(String locations, S3Client s3) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : locations.split(",")) {
            String location = raw.strip();
            if (location.isEmpty()) {
                throw new IllegalArgumentException("TRAILKIT_RULES holds an empty location: \"" + locations + "\"");
            }
            rules.addAll(loadOne(location, s3));
        }
        return rules;
    }

    private static List<Rule> loadOne(String location, S3Client s3) {
        if (location.startsWith("classpath:")) {
            String name = location.substring("classpath:".length());
            return RuleDocuments.readResource(name);
        }
        if (location.startsWith("s3://")) {
            String rest = location.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1) {
                throw new IllegalArgumentException(
                        "a rules location on S3 is s3://bucket/key, found \"" + location + "\"");
            }
            String bucket = rest.substring(0, slash);
            String key = rest.substring(slash + 1);
            try (ResponseInputStream<GetObjectResponse> in =
                    s3.getObject(b -> b.bucket(bucket).key(key))) {
                return RuleDocuments.read((InputStream) in, location);
            } catch (IOException | UncheckedIOException | SdkException e) {
                throw new IllegalArgumentException("cannot read rules from " + location + ": " + e.getMessage(), e);
            }
        }
        try {
            return RuleDocuments.read(Path.of(location));
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read rules from " + location + ": " + e.getCause(), e);
        }
    }
}
