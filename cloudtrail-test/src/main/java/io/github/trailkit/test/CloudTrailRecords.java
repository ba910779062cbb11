package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.test.internal.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Records for tests: fixtures with realistic defaults, and records loaded from JSON, classpath resources and files.
 *
 * <pre>{@code
 * CloudTrailRecord created = CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic")
 *         .byRoot()
 *         .withRequestParameters("{\"name\":\"orders\"}")
 *         .build();
 * CloudTrailRecord login = CloudTrailRecords.consoleSignIn().byIamUser("bob").withMfa(true).build();
 *
 * List<CloudTrailRecord> fromLog = CloudTrailRecords.fromResource("/logs/111122223333_CloudTrail_us-east-1.json.gz");
 * CloudTrailRecord one = CloudTrailRecords.recordFromResource("/records/sns/CreateTopic.json");
 * }</pre>
 */
public final class CloudTrailRecords {
    /** The {@code eventTime} of fixtures unless {@link RecordFixture#at(Instant)} sets another. */
    public static final Instant DEFAULT_TIME = Instant.parse("2024-01-15T12:00:00Z");

    /** The account of fixtures unless {@link RecordFixture#inAccount(String)} sets another. */
    public static final String DEFAULT_ACCOUNT = "123456789012";

    private CloudTrailRecords() {}

    /* ---------------------------------------------------------------- fixtures */

    /**
     * An {@code AwsApiCall} of {@code eventName} to {@code eventSource}, with the defaults described at {@link
     * RecordFixture}.
     */
    public static RecordFixture apiCall(String eventSource, String eventName) {
        return new RecordFixture(eventSource, eventName, "AwsApiCall", false);
    }

    /**
     * A successful console sign-in ({@code signin.amazonaws.com} {@code ConsoleLogin}, {@code AwsConsoleSignIn}) by
     * the IAM user {@code alice} without MFA, from a browser; change it with the same methods as an API call. Its
     * {@code additionalEventData} holds {@code MFAUsed}, following {@link RecordFixture#withMfa(boolean)}.
     */
    public static RecordFixture consoleSignIn() {
        return new RecordFixture("signin.amazonaws.com", "ConsoleLogin", "AwsConsoleSignIn", true)
                .withResponseElements("{\"ConsoleLogin\":\"Success\"}");
    }

    /* ---------------------------------------------------------------- loading */

    /**
     * The record of one JSON record object, or of a log file ({@code {"Records":[...]}}) holding exactly one record.
     *
     * @throws IllegalArgumentException if the text is neither
     */
    public static CloudTrailRecord fromJson(String json) {
        Objects.requireNonNull(json, "json");
        return single(Resources.records(json.getBytes(StandardCharsets.UTF_8), "<json>"), "<json>");
    }

    /**
     * The records of a classpath resource, such as {@code "/records/CreateTopic.json"} (the name is always taken from
     * the classpath root): a log file ({@code {"Records":[...]}}, plain or gzip-compressed) gives its records, a single
     * record object a list of one.
     *
     * @throws IllegalArgumentException if there is no such resource, or it holds no CloudTrail record or log
     */
    public static List<CloudTrailRecord> fromResource(String name) {
        Objects.requireNonNull(name, "name");
        return Resources.records(Resources.read(name), "/" + Resources.normalize(name));
    }

    /**
     * The one record of a classpath resource: a record object, or a log file holding exactly one record.
     *
     * @throws IllegalArgumentException if there is no such resource, or it does not hold exactly one record
     */
    public static CloudTrailRecord recordFromResource(String name) {
        return single(fromResource(name), "/" + Resources.normalize(name));
    }

    /** The records of a file, read as {@link #fromResource(String)} reads a resource. */
    public static List<CloudTrailRecord> fromPath(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return Resources.records(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static CloudTrailRecord single(List<CloudTrailRecord> records, String source) {
        if (records.size() != 1) {
            throw new IllegalArgumentException(source + " holds " + records.size() + " records, expected exactly one");
        }
        return records.get(0);
    }
}
