package io.github.trailkit.cli.internal;

import io.github.trailkit.model.LogFileKeyFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The log-file keys under an S3 prefix, found by walking CloudTrail's layout
 * {@code [prefix/]AWSLogs/[o-id/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/} one folder level at a time and
 * listing below a folder only when the {@link LogFileKeyFilter} keeps it: another account's, region's or day's folder
 * is never listed, and a key is kept only when the filter accepts it. Above {@code AWSLogs/} (a trail's own key
 * prefix) every {@code .json} and {@code .json.gz} object is kept, as a local folder scan keeps them.
 *
 * <pre>{@code
 * S3LogKeys keys = new S3LogKeys(s3, LogFileKeyFilter.all().accounts(List.of("111122223333"))
 *         .from(Instant.parse("2024-01-01T00:00:00Z")));
 * List<String> found = keys.list("trail-bucket", "AWSLogs/");
 * }</pre>
 */
public final class S3LogKeys {
    /** Folders above AWSLogs/ searched at most this deep (a trail's key prefix may have several levels). */
    private static final int MAX_PREFIX_DEPTH = 8;

    private final S3Client s3;
    private final LogFileKeyFilter filter;
    private Consumer<String> onList = prefix -> {};

    public S3LogKeys(S3Client s3, LogFileKeyFilter filter) {
        this.s3 = s3;
        this.filter = filter;
    }

    /** Called with each prefix listed, before the request: to show progress. */
    public S3LogKeys onList(Consumer<String> onList) {
        this.onList = onList;
        return this;
    }

    /** The keys to read under {@code prefix} (empty, or a folder ending with {@code /}), sorted. */
    public List<String> list(String bucket, String prefix) {
        TreeSet<String> keys = new TreeSet<>();
        walk(bucket, prefix, keys, 0);
        return new ArrayList<>(keys);
    }

    private void walk(String bucket, String prefix, TreeSet<String> keys, int depth) {
        boolean inLayout = ("/" + prefix).contains("/AWSLogs/");
        if (!inLayout && depth > MAX_PREFIX_DEPTH) {
            return;
        }
        Listing l = listLevel(bucket, prefix);
        for (String key : l.keys) {
            if (isLogFileName(key) && filter.accepts(key)) {
                keys.add(key);
            }
        }
        for (String sub : l.folders) {
            if (filter.keepsFolder(sub)) {
                walk(bucket, sub, keys, depth + 1);
            }
        }
    }

    private static boolean isLogFileName(String key) {
        return key.endsWith(".json") || key.endsWith(".json.gz");
    }

    private static final class Listing {
        final List<String> keys = new ArrayList<>();
        final List<String> folders = new ArrayList<>();
    }

    /** One level (with the delimiter), every page. */
    private Listing listLevel(String bucket, String prefix) {
        onList.accept(prefix);
        Listing l = new Listing();
        ListObjectsV2Request.Builder request =
                ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/");
        String token = null;
        do {
            ListObjectsV2Response page =
                    s3.listObjectsV2(request.continuationToken(token).build());
            for (S3Object o : page.contents()) {
                l.keys.add(o.key());
            }
            for (CommonPrefix p : page.commonPrefixes()) {
                l.folders.add(p.prefix());
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return l;
    }
}
