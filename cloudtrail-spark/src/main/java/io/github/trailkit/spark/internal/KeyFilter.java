package io.github.trailkit.spark.internal;

import io.github.trailkit.model.LogFileKey;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which log files to read, decided from their S3 key (or path) alone, before opening them: accounts, regions, the
 * organization id, and a time range. A log file's key carries its delivery time, and a file delivered at a time holds
 * records of any time before it; CloudTrail delivers most records within minutes, so a file delivered more than
 * {@code maxDeliveryDelay} after the end of the range is taken to hold none of it.
 *
 * <p>Keys that are not in CloudTrail's layout cannot be judged and are kept; digest files and AWS Config's probe object
 * are never records and are always skipped.
 */
public final class KeyFilter implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String ACCOUNTS = "accounts";
    public static final String REGIONS = "regions";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String MAX_DELIVERY_DELAY = "maxDeliveryDelay";
    public static final Duration DEFAULT_MAX_DELIVERY_DELAY = Duration.ofHours(24);

    private final Set<String> accounts;
    private final Set<String> regions;
    private final String organizationId;
    private final Instant from;
    private final Instant to;
    private final Duration maxDeliveryDelay;

    public KeyFilter(
            Set<String> accounts,
            Set<String> regions,
            String organizationId,
            Instant from,
            Instant to,
            Duration maxDeliveryDelay) {
        this.accounts = Set.copyOf(accounts);
        this.regions = Set.copyOf(regions);
        this.organizationId = organizationId;
        this.from = from;
        this.to = to;
        this.maxDeliveryDelay = maxDeliveryDelay;
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("the time range is empty: from " + from + " is not before to " + to);
        }
    }

    /** The filter the options ask for (option names compared without regard to case, as Spark does). */
    public static KeyFilter fromOptions(Map<String, String> options) {
        Map<String, String> lower = options.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> b));
        String delay = lower.get(MAX_DELIVERY_DELAY.toLowerCase(Locale.ROOT));
        Duration maxDelay;
        try {
            maxDelay = delay == null ? DEFAULT_MAX_DELIVERY_DELAY : Duration.parse(delay);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "option " + MAX_DELIVERY_DELAY + ": not an ISO-8601 duration such as" + " PT24H: " + delay, e);
        }
        return new KeyFilter(
                list(lower.get(ACCOUNTS.toLowerCase(Locale.ROOT))),
                list(lower.get(REGIONS.toLowerCase(Locale.ROOT))),
                lower.get(ORGANIZATION_ID.toLowerCase(Locale.ROOT)),
                time(FROM, lower.get(FROM)),
                time(TO, lower.get(TO)),
                maxDelay);
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** An instant ({@code 2024-01-02T03:04:05Z}) or a date ({@code 2024-01-02}, its start in UTC). */
    public static Instant time(String option, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "option " + option + ": not a date (2024-01-31) or a UTC time" + " (2024-01-31T12:00:00Z): "
                            + value,
                    e);
        }
    }

    /** Whether any option narrows the files. */
    public boolean isActive() {
        return !accounts.isEmpty() || !regions.isEmpty() || organizationId != null || from != null || to != null;
    }

    private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("[0-9]{12}");
    private static final java.util.regex.Pattern ORG = java.util.regex.Pattern.compile("o-[a-z0-9]{10,32}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]{1,4}");

    /**
     * Whether to list the folder {@code name} inside a folder whose path, after its last {@code AWSLogs}, is
     * {@code layout}: CloudTrail's layout is {@code AWSLogs/[o-id/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/}, and
     * a folder of another account, organization, region, year, month or day than the options ask for holds no file
     * they would read. Folders outside the layout are listed.
     */
    public boolean keepFolder(List<String> layout, String name) {
        int at = !layout.isEmpty() && ORG.matcher(layout.get(0)).matches() ? 1 : 0;
        int level = layout.size() - at;
        LocalDate first = from == null ? null : LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = to == null ? null : LocalDate.ofInstant(to.plus(maxDeliveryDelay), ZoneOffset.UTC);
        switch (level) {
            case 0:
                if (at == 0 && ORG.matcher(name).matches()) {
                    return organizationId == null || organizationId.equals(name);
                }
                if (organizationId != null && at == 0) {
                    return false; // an account trail's folder, outside any organization
                }
                return !ACCOUNT.matcher(name).matches() || accounts.isEmpty() || accounts.contains(name);
            case 1:
                return !name.equals("CloudTrail-Digest") && !name.equals("Config");
            case 2:
                return regions.isEmpty() || regions.contains(name);
            case 3: {
                if (!NUMBER.matcher(name).matches()) {
                    return true;
                }
                int y = Integer.parseInt(name);
                return (first == null || first.getYear() <= y) && (last == null || last.getYear() >= y);
            }
            case 4: {
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
            case 5: {
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
                } catch (java.time.DateTimeException e) {
                    return true;
                }
                return (first == null || !day.isBefore(first)) && (last == null || !day.isAfter(last));
            }
            default:
                return true;
        }
    }

    /** Whether a file with this key (without the bucket) may hold records the options ask for. */
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
            // the file-name time is to the minute: the file was delivered within that minute
            if (from != null && delivered.plusSeconds(60).isBefore(from)) {
                return false;
            }
            if (to != null && delivered.isAfter(to.plus(maxDeliveryDelay))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "accounts=" + accounts + " regions=" + regions + " organizationId=" + organizationId + " from=" + from
                + " to=" + to + " maxDeliveryDelay=" + maxDeliveryDelay;
    }
}
