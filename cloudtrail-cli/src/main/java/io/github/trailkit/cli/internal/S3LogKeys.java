package io.github.trailkit.cli.internal;

import io.github.trailkit.model.LogFileKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The log-file keys under an S3 prefix, found by walking CloudTrail's layout
 * {@code [prefix/]AWSLogs/[o-id/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/} one folder level at a time and
 * pruning each level by the filters before listing below it: another account's, region's or day's folder is never
 * listed, and a file is never fetched unless its key (account, region, delivery minute) can hold records of the range.
 *
 * <p>A file delivered at a time holds records of any time before it, so files delivered before {@code from} are
 * skipped, and so are files delivered more than {@code maxDeliveryDelay} after {@code to}. Digest folders and AWS
 * Config's probe objects are skipped; above {@code AWSLogs/} (a trail's own key prefix) every {@code .json} and
 * {@code .json.gz} object is kept, as a local folder scan keeps them.
 *
 * <pre>{@code
 * S3LogKeys keys = new S3LogKeys(s3, Set.of("111122223333"), Set.of("us-east-1"), null,
 *         Instant.parse("2024-01-01T00:00:00Z"), null, Duration.ofHours(24));
 * List<String> found = keys.list("trail-bucket", "AWSLogs/");
 * }</pre>
 */
public final class S3LogKeys {
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern ORG = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]+");
    /** Folders above AWSLogs/ searched at most this deep (a trail's key prefix may have several levels). */
    private static final int MAX_PREFIX_DEPTH = 8;

    private final S3Client s3;
    private final Set<String> accounts;
    private final Set<String> regions;
    private final String organizationId;
    private final Instant from;
    private final Instant to;
    private final Duration maxDeliveryDelay;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private Consumer<String> onList = prefix -> {};

    public S3LogKeys(
            S3Client s3,
            Set<String> accounts,
            Set<String> regions,
            String organizationId,
            Instant from,
            Instant to,
            Duration maxDeliveryDelay) {
        this.s3 = s3;
        this.accounts = Set.copyOf(accounts);
        this.regions = Set.copyOf(regions);
        this.organizationId = organizationId;
        this.from = from;
        this.to = to;
        this.maxDeliveryDelay = maxDeliveryDelay;
        this.firstDay = from == null ? null : LocalDate.ofInstant(from, ZoneOffset.UTC);
        this.lastDay = to == null ? null : LocalDate.ofInstant(to.plus(maxDeliveryDelay), ZoneOffset.UTC);
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

    /** Where {@code prefix} stands in the layout, by its folders after the last {@code AWSLogs}. */
    private void walk(String bucket, String prefix, TreeSet<String> keys, int depth) {
        List<String> below = folders(prefix);
        int logs = below.lastIndexOf("AWSLogs");
        if (logs < 0) {
            if (depth > MAX_PREFIX_DEPTH) {
                return;
            }
            Listing l = list(bucket, prefix, true);
            for (String key : l.keys) {
                if (isLogFileName(key) && accepts(key)) {
                    keys.add(key);
                }
            }
            for (String sub : l.folders) {
                walk(bucket, sub, keys, depth + 1);
            }
            return;
        }
        List<String> layout = below.subList(logs + 1, below.size());
        // AWSLogs/[o-id/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/
        int at = 0;
        if (!layout.isEmpty() && ORG.matcher(layout.get(0)).matches()) {
            at = 1;
        }
        int level = layout.size() - at; // 0: accounts (or orgs when at == 0), 1: services, 2: regions, 3+: dates
        if (level >= 6) { // a day folder (or deeper): every log file in it, judged by key
            Listing l = list(bucket, prefix, false);
            for (String key : l.keys) {
                if (isLogFileName(key) && accepts(key)) {
                    keys.add(key);
                }
            }
            return;
        }
        Listing l = list(bucket, prefix, true);
        for (String key : l.keys) {
            if (isLogFileName(key) && accepts(key)) {
                keys.add(key);
            }
        }
        for (String sub : l.folders) {
            String name = last(sub);
            if (keep(layout, at, level, name)) {
                walk(bucket, sub, keys, depth + 1);
            }
        }
    }

    /** Whether to list the folder {@code name} found at {@code level} of the layout below AWSLogs/. */
    private boolean keep(List<String> layout, int at, int level, String name) {
        switch (level) {
            case 0:
                if (at == 0 && ORG.matcher(name).matches()) {
                    return organizationId == null || organizationId.equals(name);
                }
                if (organizationId != null && at == 0) {
                    return false; // an account trail's folder, outside any organization
                }
                return ACCOUNT.matcher(name).matches() && (accounts.isEmpty() || accounts.contains(name));
            case 1:
                return name.equals("CloudTrail")
                        || name.equals("CloudTrail-Insight")
                        || name.equals("CloudTrail-Aggregated");
            case 2:
                return regions.isEmpty() || regions.contains(name);
            case 3:
                return overlapsYear(year(name));
            case 4: {
                int y = year(layout.get(layout.size() - 1));
                int m = NUMBER.matcher(name).matches() && name.length() <= 2 ? Integer.parseInt(name) : -1;
                return y >= 0 && m >= 1 && m <= 12 && overlapsMonth(y, m);
            }
            case 5: {
                int y = year(layout.get(layout.size() - 2));
                String month = layout.get(layout.size() - 1);
                if (y < 0
                        || !NUMBER.matcher(month).matches()
                        || month.length() > 2
                        || !NUMBER.matcher(name).matches()
                        || name.length() > 2) {
                    return true; // not a date folder after all: judge its files by their keys
                }
                int m = Integer.parseInt(month);
                int d = Integer.parseInt(name);
                LocalDate day;
                try {
                    day = LocalDate.of(y, m, d);
                } catch (java.time.DateTimeException e) {
                    return false;
                }
                return (firstDay == null || !day.isBefore(firstDay)) && (lastDay == null || !day.isAfter(lastDay));
            }
            default:
                return true;
        }
    }

    private static int year(String folder) {
        return NUMBER.matcher(folder).matches() && folder.length() <= 4 ? Integer.parseInt(folder) : -1;
    }

    private boolean overlapsYear(int year) {
        if (year < 0) {
            return false;
        }
        return (firstDay == null || firstDay.getYear() <= year) && (lastDay == null || lastDay.getYear() >= year);
    }

    private boolean overlapsMonth(int year, int month) {
        LocalDate start = LocalDate.of(year, month, 1);
        LocalDate end = start.plusMonths(1).minusDays(1);
        return (firstDay == null || !end.isBefore(firstDay)) && (lastDay == null || !start.isAfter(lastDay));
    }

    /** Whether a file with this key may hold records the filters ask for (keys outside the layout are kept). */
    public boolean accepts(String key) {
        LogFileKey k = LogFileKey.parse(key);
        switch (k.kind()) {
            case DIGEST:
            case CONFIG_WRITABILITY_CHECK:
                return false;
            case OTHER:
                return true;
            default:
                break;
        }
        if (!accounts.isEmpty() && !accounts.contains(k.accountId().orElse(""))) {
            return false;
        }
        if (!regions.isEmpty() && !regions.contains(k.region().orElse(""))) {
            return false;
        }
        if (organizationId != null && !organizationId.equals(k.organizationId().orElse(null))) {
            return false;
        }
        Instant delivered = k.deliveryTime().orElse(null);
        if (delivered != null) {
            if (from != null && delivered.plusSeconds(60).isBefore(from)) {
                return false; // delivered within its minute, before the range began
            }
            if (to != null && delivered.isAfter(to.plus(maxDeliveryDelay))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLogFileName(String key) {
        return key.endsWith(".json") || key.endsWith(".json.gz");
    }

    private static List<String> folders(String prefix) {
        List<String> parts = new ArrayList<>();
        for (String p : prefix.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static String last(String folder) {
        String f = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        return f.substring(f.lastIndexOf('/') + 1);
    }

    private static final class Listing {
        final List<String> keys = new ArrayList<>();
        final List<String> folders = new ArrayList<>();
    }

    /** One level (with the delimiter) or everything below (without), every page. */
    private Listing list(String bucket, String prefix, boolean oneLevel) {
        onList.accept(prefix);
        Listing l = new Listing();
        ListObjectsV2Request.Builder request =
                ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
        if (oneLevel) {
            request.delimiter("/");
        }
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
