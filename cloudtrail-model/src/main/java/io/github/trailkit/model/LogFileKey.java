package io.github.trailkit.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An S3 object key in a CloudTrail bucket, split into the parts CloudTrail encodes in it.
 *
 * <p>{@link #parse(String)} recognises the layouts CloudTrail writes, for account trails and for organization
 * trails ({@code AWSLogs/o-.../}), with or without a trail key prefix:
 * <ul>
 *   <li>log files: {@code [prefix/]AWSLogs/[o-id/]<account>/CloudTrail/<region>/YYYY/MM/DD/}
 *       {@code <account>_CloudTrail_<region>_<yyyyMMddTHHmmZ>_<UniqueString>.json.gz};</li>
 *   <li>Insights and aggregated-event files: the same shape, with {@code CloudTrail-Insight} or
 *       {@code CloudTrail-Aggregated} in place of {@code CloudTrail} (folder and file name);</li>
 *   <li>digest files: {@code [prefix/]AWSLogs/[o-id/]<account>/CloudTrail-Digest/<region>/YYYY/MM/DD/}
 *       {@code <account>_CloudTrail-Digest_<region>_<trail-name>_<home-region>_<yyyyMMddTHHmmssZ>}
 *       {@code [_backfill].json.gz}, where the first region delivered the digest and the second is the trail's
 *       home region;</li>
 *   <li>AWS Config's probe object {@code [prefix/]AWSLogs/<account>/Config/ConfigWritabilityCheckFile}.</li>
 * </ul>
 * Every other key, including one that is almost right but inconsistent (the account or region in the file name
 * differs from its folder, an account that is not 12 digits, an impossible date such as month 13, another
 * extension), is {@link Kind#OTHER}, and then every {@code Optional} accessor is empty.
 *
 * <p>Give the raw key, as stored in S3: S3 event notifications URL-encode keys (a space arrives as {@code +}), so
 * decode them first. Instances are immutable and thread-safe; two instances are equal when their keys are equal,
 * since every other part is derived from the key.
 *
 * <pre>{@code
 * LogFileKey key = LogFileKey.parse("AWSLogs/111122223333/CloudTrail/us-east-2/2015/08/01/"
 *         + "111122223333_CloudTrail_us-east-2_20150801T0210Z_Mu0KsOhtH1ar15ZZ.json.gz");
 * if (key.isLogFile()) {
 *     key.accountId();    // Optional[111122223333]
 *     key.region();       // Optional[us-east-2]
 *     key.deliveryTime(); // Optional[2015-08-01T02:10:00Z]
 * }
 * }</pre>
 *
 * <p>To choose files by account, region, organization or time range before opening them, or to prune a walk of the
 * layout folder by folder, use {@link LogFileKeyFilter}.
 */
public final class LogFileKey {

    /** What kind of object a key names. */
    public enum Kind {
        /** A CloudTrail log file of events, in the {@code CloudTrail} folder. */
        LOG,
        /** A log-file integrity digest, in the {@code CloudTrail-Digest} folder (not a {@code Records} file). */
        DIGEST,
        /** A file of CloudTrail Insights events, in the {@code CloudTrail-Insight} folder. */
        INSIGHT,
        /** A file of aggregated data events, in the {@code CloudTrail-Aggregated} folder (unconfirmed by AWS). */
        AGGREGATED,
        /** The empty {@code ConfigWritabilityCheckFile} that AWS Config writes to test bucket access. */
        CONFIG_WRITABILITY_CHECK,
        /** Any other key, including a malformed or inconsistent CloudTrail key. */
        OTHER
    }

    /** S3 keys are at most 1,024 bytes of UTF-8; a longer string is not a key (and is never fed to the regexes). */
    private static final int MAX_KEY_LENGTH = 1024;

    private static final String ROOT =
            "(?:(?<prefix>.+)/)?AWSLogs/(?:(?<org>o-[a-z0-9]{10,32})/)?(?<account>[0-9]{12})/";
    /** A region id: us-east-1, us-gov-west-1, cn-north-1, eusc-de-east-1 (no nested repetition, by design). */
    private static final String REGION = "[a-z]{2,}-[a-z0-9-]*[0-9]";

    private static final String FOLDERS = "(?<region>" + REGION + ")/(?<date>[0-9]{4}/[0-9]{2}/[0-9]{2})/";

    private static final Pattern EVENT_FILE = Pattern.compile(
            ROOT
                    + "(?<folder>CloudTrail|CloudTrail-Insight|CloudTrail-Aggregated)/" + FOLDERS
                    + "\\k<account>_\\k<folder>_\\k<region>_(?<time>[0-9]{8}T[0-9]{4}Z)_[A-Za-z0-9]+\\.json\\.gz",
            Pattern.DOTALL);
    private static final Pattern DIGEST_FILE = Pattern.compile(
            ROOT
                    + "CloudTrail-Digest/" + FOLDERS
                    + "\\k<account>_CloudTrail-Digest_\\k<region>_(?<trail>[A-Za-z0-9._-]+)_(?<home>" + REGION + ")"
                    + "_(?<time>[0-9]{8}T[0-9]{6}Z)(?<backfill>_backfill)?\\.json\\.gz",
            Pattern.DOTALL);
    private static final Pattern CONFIG_CHECK =
            Pattern.compile(ROOT + "Config/ConfigWritabilityCheckFile", Pattern.DOTALL);

    private static final DateTimeFormatter FOLDER_DATE = strict("uuuu/MM/dd");
    private static final DateTimeFormatter MINUTE_TIME = strict("uuuuMMdd'T'HHmm'Z'");
    private static final DateTimeFormatter SECOND_TIME = strict("uuuuMMdd'T'HHmmss'Z'");

    private final String key;
    private final Kind kind;
    private final String prefix;
    private final String organizationId;
    private final String accountId;
    private final String region;
    private final LocalDate date;
    private final Instant deliveryTime;
    private final String trailName;
    private final String homeRegion;
    private final boolean backfill;

    private LogFileKey(
            String key,
            Kind kind,
            String prefix,
            String organizationId,
            String accountId,
            String region,
            LocalDate date,
            Instant deliveryTime,
            String trailName,
            String homeRegion,
            boolean backfill) {
        this.key = key;
        this.kind = kind;
        this.prefix = prefix;
        this.organizationId = organizationId;
        this.accountId = accountId;
        this.region = region;
        this.date = date;
        this.deliveryTime = deliveryTime;
        this.trailName = trailName;
        this.homeRegion = homeRegion;
        this.backfill = backfill;
    }

    /**
     * Parses an S3 object key. Never fails for a non-null string: a key that is not one of the recognised layouts
     * gives {@link Kind#OTHER}, and so does a string longer than 1,024 characters (S3's limit is 1,024 bytes).
     * The folder date and the file-name time are each checked to be valid, not compared with each other.
     *
     * @param key the raw (URL-decoded) S3 object key, without the bucket name
     * @return the parsed key
     * @throws NullPointerException if {@code key} is null
     */
    public static LogFileKey parse(String key) {
        Objects.requireNonNull(key, "key");
        if (key.length() <= MAX_KEY_LENGTH) {
            try {
                Matcher m = EVENT_FILE.matcher(key);
                if (m.matches()) {
                    Kind kind = switch (m.group("folder")) {
                        case "CloudTrail" -> Kind.LOG;
                        case "CloudTrail-Insight" -> Kind.INSIGHT;
                        default -> Kind.AGGREGATED;
                    };
                    return new LogFileKey(
                            key,
                            kind,
                            m.group("prefix"),
                            m.group("org"),
                            m.group("account"),
                            m.group("region"),
                            LocalDate.parse(m.group("date"), FOLDER_DATE),
                            instant(m.group("time"), MINUTE_TIME),
                            null,
                            null,
                            false);
                }
                m = DIGEST_FILE.matcher(key);
                if (m.matches()) {
                    return new LogFileKey(
                            key,
                            Kind.DIGEST,
                            m.group("prefix"),
                            m.group("org"),
                            m.group("account"),
                            m.group("region"),
                            LocalDate.parse(m.group("date"), FOLDER_DATE),
                            instant(m.group("time"), SECOND_TIME),
                            m.group("trail"),
                            m.group("home"),
                            m.group("backfill") != null);
                }
                m = CONFIG_CHECK.matcher(key);
                if (m.matches()) {
                    return new LogFileKey(
                            key,
                            Kind.CONFIG_WRITABILITY_CHECK,
                            m.group("prefix"),
                            m.group("org"),
                            m.group("account"),
                            null,
                            null,
                            null,
                            null,
                            null,
                            false);
                }
            } catch (DateTimeParseException impossibleDate) {
                // month 13, hour 24, February 30: the shape is right but CloudTrail never writes it
            }
        }
        return new LogFileKey(key, Kind.OTHER, null, null, null, null, null, null, null, null, false);
    }

    /**
     * Returns the key exactly as given to {@link #parse(String)}.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * Returns what kind of object the key names.
     *
     * @return the kind; {@link Kind#OTHER} for an unrecognised key
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the trail's S3 key prefix: everything before {@code /AWSLogs/}, without the trailing slash. It may
     * contain slashes, spaces and {@code +}.
     *
     * @return the prefix; empty when the trail has none or the kind is {@link Kind#OTHER}
     */
    public Optional<String> prefix() {
        return Optional.ofNullable(prefix);
    }

    /**
     * Returns the AWS Organizations id ({@code o-...}) of an organization trail.
     *
     * @return the organization id; empty for an account trail or {@link Kind#OTHER}
     */
    public Optional<String> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    /**
     * Returns the 12-digit id of the account the file belongs to.
     *
     * @return the account id; empty for {@link Kind#OTHER}
     */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    /**
     * Returns the region folder. For a digest this is the region that delivered the digest; see
     * {@link #homeRegion()} for the trail's home region.
     *
     * @return the region; empty for {@link Kind#CONFIG_WRITABILITY_CHECK} and {@link Kind#OTHER}
     */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /**
     * Returns the date of the {@code YYYY/MM/DD} folders. It is the delivery date (UTC), not the date of the
     * events in the file, which may be older.
     *
     * @return the folder date; empty for {@link Kind#CONFIG_WRITABILITY_CHECK} and {@link Kind#OTHER}
     */
    public Optional<LocalDate> date() {
        return Optional.ofNullable(date);
    }

    /**
     * Returns the delivery time written in the file name, in UTC: to the minute ({@code yyyyMMdd'T'HHmm'Z'}) for
     * log, Insights and aggregated files, to the second ({@code yyyyMMdd'T'HHmmss'Z'}) for digests, where it is
     * the end of the period the digest covers.
     *
     * @return the delivery time; empty for {@link Kind#CONFIG_WRITABILITY_CHECK} and {@link Kind#OTHER}
     */
    public Optional<Instant> deliveryTime() {
        return Optional.ofNullable(deliveryTime);
    }

    /**
     * Returns the name of the trail that a digest file belongs to. It may contain {@code _}, {@code .} and
     * {@code -}.
     *
     * @return the trail name; empty unless the kind is {@link Kind#DIGEST}
     */
    public Optional<String> trailName() {
        return Optional.ofNullable(trailName);
    }

    /**
     * Returns the home region of the trail that a digest file belongs to: the last region in the file name.
     *
     * @return the home region; empty unless the kind is {@link Kind#DIGEST}
     */
    public Optional<String> homeRegion() {
        return Optional.ofNullable(homeRegion);
    }

    /**
     * Tells whether this is a backfill digest ({@code _backfill} before {@code .json.gz}), which CloudTrail
     * delivers to reference log files that an earlier digest missed because of processing delays.
     *
     * @return true for a backfill digest, false otherwise
     */
    public boolean isBackfill() {
        return backfill;
    }

    /**
     * Tells whether the key names a CloudTrail log file of events, that is whether {@code kind() == Kind.LOG}.
     * Insights and aggregated files are not log files in this sense.
     *
     * @return true for {@link Kind#LOG}
     */
    public boolean isLogFile() {
        return kind == Kind.LOG;
    }

    /**
     * Tells whether {@code o} is a {@code LogFileKey} for the same key.
     *
     * @param o the object to compare with
     * @return true if {@code o} has an equal {@link #key()} (and therefore equal parts)
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LogFileKey other && key.equals(other.key);
    }

    /**
     * Returns a hash code derived from {@link #key()}.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return key.hashCode();
    }

    /**
     * Returns the kind, the key and the parts that are present, for example
     * {@code LogFileKey{kind=LOG, key=AWSLogs/..., accountId=111122223333, region=us-east-2, ...}}.
     *
     * @return a debugging representation
     */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(", ", "LogFileKey{", "}");
        s.add("kind=" + kind).add("key=" + key);
        addIfPresent(s, "prefix", prefix);
        addIfPresent(s, "organizationId", organizationId);
        addIfPresent(s, "accountId", accountId);
        addIfPresent(s, "region", region);
        addIfPresent(s, "date", date);
        addIfPresent(s, "deliveryTime", deliveryTime);
        addIfPresent(s, "trailName", trailName);
        addIfPresent(s, "homeRegion", homeRegion);
        if (backfill) {
            s.add("backfill=true");
        }
        return s.toString();
    }

    private static void addIfPresent(StringJoiner s, String name, Object value) {
        if (value != null) {
            s.add(name + "=" + value);
        }
    }

    private static Instant instant(String text, DateTimeFormatter format) {
        return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }
}
