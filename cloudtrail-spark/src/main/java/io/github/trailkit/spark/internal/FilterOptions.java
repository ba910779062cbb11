package io.github.trailkit.spark.internal;

import io.github.trailkit.model.LogFileKeyFilter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The data source's pruning options, read into the model's {@link LogFileKeyFilter}. */
public final class FilterOptions {
    private FilterOptions() {}

    public static final String ACCOUNTS = "accounts";
    public static final String REGIONS = "regions";
    public static final String ORGANIZATION_ID = "organizationId";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String MAX_DELIVERY_DELAY = "maxDeliveryDelay";

    /** The filter the options ask for (option names compared without regard to case, as Spark does). */
    public static LogFileKeyFilter filter(Map<String, String> options) {
        Map<String, String> lower = options.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> b));
        LogFileKeyFilter filter = LogFileKeyFilter.all()
                .accounts(list(lower.get(ACCOUNTS.toLowerCase(Locale.ROOT))))
                .regions(list(lower.get(REGIONS.toLowerCase(Locale.ROOT))))
                .organizationId(lower.get(ORGANIZATION_ID.toLowerCase(Locale.ROOT)));
        String delay = lower.get(MAX_DELIVERY_DELAY.toLowerCase(Locale.ROOT));
        if (delay != null) {
            try {
                filter = filter.maxDeliveryDelay(Duration.parse(delay));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "option " + MAX_DELIVERY_DELAY + ": not an ISO-8601 duration such as PT24H: " + delay, e);
            }
        }
        return filter.from(time(FROM, lower.get(FROM))).to(time(TO, lower.get(TO)));
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static java.time.Instant time(String option, String value) {
        try {
            return LogFileKeyFilter.time(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("option " + option + ": " + e.getMessage(), e);
        }
    }
}
