package io.github.trailkit.model;

/**
 * The entry point: readers and writers of CloudTrail log files.
 *
 * <pre>{@code
 * try (CloudTrailLog log = CloudTrail.reader().read(Path.of("111122223333_CloudTrail_us-east-1_20240101T0000Z_x.json.gz"))) {
 *     for (CloudTrailRecord r : log) {
 *         System.out.println(CloudTrail.writer().toJson(r));
 *     }
 * }
 * }</pre>
 */
public final class CloudTrail {
    private CloudTrail() {}

    /** A reader with the default settings: fail fast on an invalid record. */
    public static CloudTrailReader reader() {
        return CloudTrailReader.defaults();
    }

    /** A writer with the default settings: plain JSON. */
    public static CloudTrailWriter writer() {
        return CloudTrailWriter.defaults();
    }
}
