package io.github.trailkit.model;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which CloudTrail log files to read, decided from their S3 key (or file path) alone, before they are opened or their
 * folders listed: accounts, regions, an organization id and a time range, judged on the parts {@link LogFileKey}
 * finds in the key.
 *
 * <p>A log file's key carries its delivery time, and a file delivered at a time holds records of any time before it;
 * CloudTrail delivers most records within minutes. So files delivered before {@link #from} are skipped, and so are
 * files delivered more than {@link #maxDeliveryDelay} (default 24 hours) after {@link #to}: the filter chooses files,
 * and records near the edges of the range may lie outside it.
 *
 * <p>Keys outside CloudTrail's layout ({@link LogFileKey.Kind#OTHER}) cannot be judged and are accepted; digest files
 * and AWS Config's probe object hold no records and are never accepted. {@link #keepsFolder(String)} prunes a walk of
 * the layout {@code [prefix/]AWSLogs/[o-id/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/} one folder level at a
 * time: another organization's, account's, region's, year's, month's or day's folder holds no file the filter accepts.
 *
 * <p>Instances are immutable, thread-safe and serializable; each {@code with}-style method returns a new filter.
 *
 * <pre>{@code
 * LogFileKeyFilter filter = LogFileKeyFilter.all()
 *         .accounts(List.of("111122223333"))
 *         .regions(List.of("us-east-1", "eu-west-1"))
 *         .from(LogFileKeyFilter.time("2024-01-01"))
 *         .to(LogFileKeyFilter.time("2024-02-01"));
 * filter.keepsFolder("AWSLogs/444455556666/");          // false: another account, never listed
 * filter.accepts("AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/15/"
 *         + "111122223333_CloudTrail_us-east-1_20240115T1200Z_Abc.json.gz"); // true
 * }</pre>
 */
public final class LogFileKeyFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How late CloudTrail is taken to deliver a record unless {@link #maxDeliveryDelay(Duration)} says otherwise. */
    public static final Duration DEFAULT_MAX_DELIVERY_DELAY = Duration.ofHours(24);

    private static final LogFileKeyFilter ALL =
            new LogFileKeyFilter(Set.of(), Set.of(), null, null, null, DEFAULT_MAX_DELIVERY_DELAY);

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Pattern ORG = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,4}");

    private final Set<String> accounts;
    private final Set<String> regions;
    private final String organizationId;
    private final Instant from;
    private final Instant to;
    private final Duration maxDeliveryDelay;

    private LogFileKeyFilter(
            Set<String> accounts,
            Set<String> regions,
            String organizationId,
            Instant from,
            Instant to,
            Duration maxDeliveryDelay) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the time range is empty: from " + from + " is not before to " + to);
        }
        this.accounts = accounts;
        this.regions = regions;
        this.organizationId = organizationId;
        this.from = from;
        this.to = to;
        this.maxDeliveryDelay = maxDeliveryDelay;
    }

    /**
     * Returns the filter that accepts every log file (and skips only digests and AWS Config's probe object).
     *
     * @return the filter without conditions
     */
    public static LogFileKeyFilter all() {
        return ALL;
    }

    /**
     * Returns this filter limited to files of these accounts; an empty collection lifts the limit.
     *
     * @param accountIds 12-digit account ids
     * @return the new filter
     */
    public LogFileKeyFilter accounts(Collection<String> accountIds) {
        return new LogFileKeyFilter(
                Set.copyOf(new TreeSet<>(accountIds)), regions, organizationId, from, to, maxDeliveryDelay);
    }

    /**
     * Returns this filter limited to files of these regions; an empty collection lifts the limit.
     *
     * @param regionIds region ids such as {@code us-east-1}
     * @return the new filter
     */
    public LogFileKeyFilter regions(Collection<String> regionIds) {
        return new LogFileKeyFilter(
                accounts, Set.copyOf(new TreeSet<>(regionIds)), organizationId, from, to, maxDeliveryDelay);
    }

    /**
     * Returns this filter limited to files of an organization trail of this organization ({@code AWSLogs/<id>/});
     * {@code null} lifts the limit.
     *
     * @param id the organization id ({@code o-...}), or null
     * @return the new filter
     */
    public LogFileKeyFilter organizationId(String id) {
        return new LogFileKeyFilter(accounts, regions, id, from, to, maxDeliveryDelay);
    }

    /**
     * Returns this filter without the files delivered before {@code start}; {@code null} lifts the limit.
     *
     * @param start the start of the range, or null
     * @return the new filter
     * @throws IllegalArgumentException if {@code start} is not before {@link #to}
     */
    public LogFileKeyFilter from(Instant start) {
        return new LogFileKeyFilter(accounts, regions, organizationId, start, to, maxDeliveryDelay);
    }

    /**
     * Returns this filter without the files delivered more than {@link #maxDeliveryDelay} after {@code end};
     * {@code null} lifts the limit.
     *
     * @param end the end of the range, or null
     * @return the new filter
     * @throws IllegalArgumentException if {@link #from} is not before {@code end}
     */
    public LogFileKeyFilter to(Instant end) {
        return new LogFileKeyFilter(accounts, regions, organizationId, from, end, maxDeliveryDelay);
    }

    /**
     * Returns this filter with another bound on how late CloudTrail delivers a record (default 24 hours).
     *
     * @param delay a duration, zero or more
     * @return the new filter
     */
    public LogFileKeyFilter maxDeliveryDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the delivery delay is negative: " + delay);
        }
        return new LogFileKeyFilter(accounts, regions, organizationId, from, to, delay);
    }

    /**
     * Reads a time as command lines and options give it: a date ({@code 2024-01-31}, its start in UTC) or a UTC
     * time ({@code 2024-01-31T12:00:00Z}).
     *
     * @param text the date or time; null or blank gives null
     * @return the instant, or null
     * @throws IllegalArgumentException naming the text, if it is neither
     */
    public static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "not a date (2024-01-31) or a UTC time (2024-01-31T12:00:00Z): " + SafeText.escape(text), e);
        }
    }

    /**
     * Tells whether any condition narrows the files.
     *
     * @return false for {@link #all()}
     */
    public boolean isActive() {
        return !accounts.isEmpty() || !regions.isEmpty() || organizationId != null || from != null || to != null;
    }

    /**
     * Tells whether a file with this key may hold records the filter asks for.
     *
     * @param key an S3 object key without the bucket, or a path (its part from {@code AWSLogs/} on is judged)
     * @return false if the key rules the file out
     */
    public boolean accepts(String key) {
        return accepts(LogFileKey.parse(key));
    }

    /**
     * Tells whether a file with this key may hold records the filter asks for.
     *
     * @param key a parsed key
     * @return false for a digest, AWS Config's probe object, or a file the conditions rule out
     */
    public boolean accepts(LogFileKey key) {
        switch (key.kind()) {
            case DIGEST, CONFIG_WRITABILITY_CHECK -> {
                return false;
            }
            case OTHER -> {
                return true;
            }
            default -> {}
        }
        if (!accounts.isEmpty() && !accounts.contains(key.accountId().orElse(""))) {
            return false;
        }
        if (!regions.isEmpty() && !regions.contains(key.region().orElse(""))) {
            return false;
        }
        if (organizationId != null
                && !organizationId.equals(key.organizationId().orElse(null))) {
            return false;
        }
        Instant delivered = key.deliveryTime().orElse(null);
        if (delivered != null) {
            // the file-name time is to the minute: the file was delivered within that minute
            if (from != null && delivered.plusSeconds(60).isBefore(from)) {
                return false;
            }
            return to == null || !delivered.isAfter(to.plus(maxDeliveryDelay));
        }
        return true;
    }

    /**
     * Tells whether a folder may hold files the filter accepts, judged on its last level in CloudTrail's layout
     * {@code AWSLogs/[o-id/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/}: a walk lists a folder only when this
     * says so, one level at a time. A folder outside the layout (above {@code AWSLogs/}, or a name the layout does not
     * have at its level) is kept, since the keys below it are judged by {@link #accepts(String)}; digest and AWS Config
     * folders are never kept.
     *
     * @param folder an S3 key prefix or a path, with or without the trailing slash, such as
     *     {@code trail/AWSLogs/o-abcdef1234/111122223333/CloudTrail/us-east-1/2024/}
     * @return false if no file below the folder can be accepted
     */
    public boolean keepsFolder(String folder) {
        List<String> parts = new ArrayList<>();
        for (String part : folder.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        int logs = parts.lastIndexOf("AWSLogs");
        if (logs < 0 || logs == parts.size() - 1) {
            return true;
        }
        List<String> layout = parts.subList(logs + 1, parts.size() - 1);
        String name = parts.get(parts.size() - 1);
        int at = !layout.isEmpty() && ORG.matcher(layout.get(0)).matches() ? 1 : 0;
        int level = layout.size() - at;
        LocalDate first = from == null ? null : LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = to == null ? null : LocalDate.ofInstant(to.plus(maxDeliveryDelay), ZoneOffset.UTC);
        switch (level) {
            case 0 -> {
                if (at == 0 && ORG.matcher(name).matches()) {
                    return organizationId == null || organizationId.equals(name);
                }
                if (organizationId != null && at == 0) {
                    return false; // an account trail's folder, outside any organization
                }
                return !ACCOUNT.matcher(name).matches() || accounts.isEmpty() || accounts.contains(name);
            }
            case 1 -> {
                return !name.equals("CloudTrail-Digest") && !name.equals("Config");
            }
            case 2 -> {
                return regions.isEmpty() || regions.contains(name);
            }
            case 3 -> {
                if (!NUMBER.matcher(name).matches()) {
                    return true;
                }
                int y = Integer.parseInt(name);
                return (first == null || first.getYear() <= y) && (last == null || last.getYear() >= y);
            }
            case 4 -> {
                String year = layout.get(layout.size() - 1);
                if (!NUMBER.matcher(year).matches() || !NUMBER.matcher(name).matches()) {
                    return true;
                }
                int m = Integer.parseInt(name);
                if (m < 1 || m > 12) {
                    return true;
                }
                LocalDate start = LocalDate.of(Integer.parseInt(year), m, 1);
                LocalDate end = start.plusMonths(1).minusDays(1);
                return (first == null || !end.isBefore(first)) && (last == null || !start.isAfter(last));
            }
            case 5 -> {
                String year = layout.get(layout.size() - 2);
                String month = layout.get(layout.size() - 1);
                if (!NUMBER.matcher(year).matches()
                        || !NUMBER.matcher(month).matches()
                        || !NUMBER.matcher(name).matches()) {
                    return true;
                }
                LocalDate day;
                try {
                    day = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(name));
                } catch (DateTimeException e) {
                    return true;
                }
                return (first == null || !day.isBefore(first)) && (last == null || !day.isAfter(last));
            }
            default -> {
                return true;
            }
        }
    }

    /**
     * Returns the conditions, for logs and plan descriptions.
     *
     * @return for example {@code accounts=[111122223333] regions=[] organizationId=null from=... to=null ...}
     */
    @Override
    public String toString() {
        return "accounts=" + new TreeSet<>(accounts) + " regions=" + new TreeSet<>(regions) + " organizationId="
                + organizationId + " from=" + from + " to=" + to + " maxDeliveryDelay=" + maxDeliveryDelay;
    }
}
