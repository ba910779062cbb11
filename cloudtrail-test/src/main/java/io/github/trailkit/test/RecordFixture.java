package io.github.trailkit.test;

import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import io.github.trailkit.model.EventVersion;
import io.github.trailkit.model.JsonValue;
import io.github.trailkit.model.SessionAttributes;
import io.github.trailkit.model.SessionContext;
import io.github.trailkit.model.SessionIssuer;
import io.github.trailkit.model.TlsDetails;
import io.github.trailkit.model.UserIdentity;
import io.github.trailkit.test.internal.Payloads;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A record under construction with realistic defaults, from {@link CloudTrailRecords#apiCall(String, String)} or
 * {@link CloudTrailRecords#consoleSignIn()}: change what the test is about, leave the rest.
 *
 * <p>Defaults of an API call: {@code eventVersion} 1.10, {@code eventTime} {@link CloudTrailRecords#DEFAULT_TIME},
 * region {@code us-east-1}, account {@value CloudTrailRecords#DEFAULT_ACCOUNT}, an IAM user {@code alice} calling from
 * {@code 198.51.100.7} with the AWS CLI over TLS 1.3, {@code eventType} {@code AwsApiCall}, {@code managementEvent}
 * true, {@code eventCategory} {@code Management}, no error, {@code requestParameters} and {@code responseElements}
 * JSON {@code null}, and {@code readOnly} true exactly when the event name starts with {@code Get}, {@code Describe},
 * {@code List}, {@code Head}, {@code Lookup} or {@code BatchGet}. The {@code eventID} and {@code requestID} are
 * UUIDs derived from everything else, so equal fixtures build equal records and different ones different ids.
 *
 * <p>A fixture is mutable and not thread-safe; {@link #build()} does not change it and can be called again.
 *
 * <pre>{@code
 * CloudTrailRecord denied = CloudTrailRecords.apiCall("s3.amazonaws.com", "PutBucketPolicy")
 *         .byAssumedRole("deployer", "ci-run-42")
 *         .inRegion("eu-west-1")
 *         .at(Instant.parse("2024-05-01T10:00:00Z"))
 *         .withRequestParameters(Map.of("bucketName", "logs"))
 *         .withError("AccessDenied", "User is not authorized to perform: s3:PutBucketPolicy")
 *         .build();
 * }</pre>
 */
public final class RecordFixture {
    private enum Identity {
        IAM_USER,
        ROOT,
        ASSUMED_ROLE,
        SERVICE
    }

    private final String eventSource;
    private final String eventName;
    private final String eventType;
    private final boolean signIn;
    private Instant eventTime = CloudTrailRecords.DEFAULT_TIME;
    private String region = "us-east-1";
    private String account = CloudTrailRecords.DEFAULT_ACCOUNT;
    private String sourceIp = "198.51.100.7";
    private String userAgent;
    private Identity identity = Identity.IAM_USER;
    private String userName = "alice";
    private String roleName;
    private String sessionName;
    private String service;
    private boolean mfa;
    private String errorCode;
    private String errorMessage;
    private JsonValue requestParameters = JsonValue.nullValue();
    private JsonValue responseElements = JsonValue.nullValue();
    private JsonValue additionalEventData;
    private Boolean readOnly;
    private String eventId;
    private String requestId;

    RecordFixture(String eventSource, String eventName, String eventType, boolean signIn) {
        this.eventSource = requireText(eventSource, "eventSource");
        this.eventName = requireText(eventName, "eventName");
        this.eventType = eventType;
        this.signIn = signIn;
        this.userAgent = signIn
                ? "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"
                : "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.61 exe/x86_64.amzn.2023";
    }

    /* ---------------------------------------------------------------- who */

    /** Made by an IAM user of the account with long-term access keys (the default identity, user {@code alice}). */
    public RecordFixture byIamUser(String userName) {
        this.identity = Identity.IAM_USER;
        this.userName = requireText(userName, "userName");
        return this;
    }

    /** Made by the account's root user. */
    public RecordFixture byRoot() {
        this.identity = Identity.ROOT;
        return this;
    }

    /** Made with temporary credentials of role {@code roleName} in session {@code sessionName}. */
    public RecordFixture byAssumedRole(String roleName, String sessionName) {
        this.identity = Identity.ASSUMED_ROLE;
        this.roleName = requireText(roleName, "roleName");
        this.sessionName = requireText(sessionName, "sessionName");
        return this;
    }

    /**
     * Made by an AWS service, such as {@code ec2.amazonaws.com}: identity type {@code AWSService}, and the service's
     * name as source IP address and user agent, as CloudTrail writes them.
     */
    public RecordFixture byService(String service) {
        this.identity = Identity.SERVICE;
        this.service = requireText(service, "service");
        return this;
    }

    /**
     * Whether MFA was used: the session's {@code mfaAuthenticated} attribute, and for a console sign-in {@code
     * additionalEventData.MFAUsed}. Default false.
     */
    public RecordFixture withMfa(boolean mfa) {
        this.mfa = mfa;
        return this;
    }

    /* ---------------------------------------------------------------- where and when */

    /** The {@code awsRegion}. */
    public RecordFixture inRegion(String region) {
        this.region = requireText(region, "region");
        return this;
    }

    /** The account: {@code recipientAccountId} and the caller's account (and ARNs). */
    public RecordFixture inAccount(String accountId) {
        this.account = requireText(accountId, "accountId");
        return this;
    }

    /** The {@code eventTime}. */
    public RecordFixture at(Instant eventTime) {
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        return this;
    }

    /** The caller's {@code sourceIPAddress}. */
    public RecordFixture from(String sourceIPAddress) {
        this.sourceIp = requireText(sourceIPAddress, "sourceIPAddress");
        return this;
    }

    /** The {@code userAgent}. */
    public RecordFixture userAgent(String userAgent) {
        this.userAgent = requireText(userAgent, "userAgent");
        return this;
    }

    /* ---------------------------------------------------------------- what */

    /** The request failed with this {@code errorCode} and {@code errorMessage} ({@code null} for none). */
    public RecordFixture withError(String errorCode, String errorMessage) {
        this.errorCode = requireText(errorCode, "errorCode");
        this.errorMessage = errorMessage;
        return this;
    }

    /**
     * The {@code requestParameters} as JSON text, such as {@code {"name":"orders"}}.
     *
     * @throws IllegalArgumentException if the text is not JSON
     */
    public RecordFixture withRequestParameters(String json) {
        this.requestParameters = JsonValue.parse(Objects.requireNonNull(json, "json"));
        return this;
    }

    /**
     * The {@code requestParameters} from a map of strings, numbers, booleans, {@code null}s, lists and maps
     * ({@link Map#of} keeps no order; use a {@link java.util.LinkedHashMap} for a fixed one).
     */
    public RecordFixture withRequestParameters(Map<String, ?> parameters) {
        this.requestParameters = Payloads.toJson(Objects.requireNonNull(parameters, "parameters"));
        return this;
    }

    /** The {@code responseElements} as JSON text. */
    public RecordFixture withResponseElements(String json) {
        this.responseElements = JsonValue.parse(Objects.requireNonNull(json, "json"));
        return this;
    }

    /** The {@code responseElements} from a map, as {@link #withRequestParameters(Map)}. */
    public RecordFixture withResponseElements(Map<String, ?> elements) {
        this.responseElements = Payloads.toJson(Objects.requireNonNull(elements, "elements"));
        return this;
    }

    /** The {@code additionalEventData} as JSON text. */
    public RecordFixture withAdditionalEventData(String json) {
        this.additionalEventData = JsonValue.parse(Objects.requireNonNull(json, "json"));
        return this;
    }

    /** The {@code additionalEventData} from a map, as {@link #withRequestParameters(Map)}. */
    public RecordFixture withAdditionalEventData(Map<String, ?> data) {
        this.additionalEventData = Payloads.toJson(Objects.requireNonNull(data, "data"));
        return this;
    }

    /** The {@code readOnly} flag, instead of the guess from the event name. */
    public RecordFixture readOnly(boolean readOnly) {
        this.readOnly = readOnly;
        return this;
    }

    /** The {@code eventID}, instead of the derived one. */
    public RecordFixture eventId(String eventId) {
        this.eventId = requireText(eventId, "eventId");
        return this;
    }

    /** The {@code requestID}, instead of the derived one. */
    public RecordFixture requestId(String requestId) {
        this.requestId = requireText(requestId, "requestId");
        return this;
    }

    /* ---------------------------------------------------------------- build */

    /** The record. */
    public CloudTrailRecord build() {
        CloudTrailRecord.Builder b = CloudTrailRecord.builder()
                .eventVersion(EventVersion.parse("1.10"))
                .userIdentity(identity())
                .eventTime(eventTime)
                .eventSource(eventSource)
                .eventName(eventName)
                .awsRegion(region)
                .sourceIPAddress(identity == Identity.SERVICE ? service : sourceIp)
                .userAgent(identity == Identity.SERVICE ? service : userAgent);
        if (errorCode != null) {
            b.errorCode(errorCode);
        }
        if (errorMessage != null) {
            b.errorMessage(errorMessage);
        }
        b.requestParameters(requestParameters).responseElements(responseElements);
        JsonValue extra = additionalEventData != null ? additionalEventData : signIn ? signInData() : null;
        if (extra != null) {
            b.additionalEventData(extra);
        }
        b.eventTypeAsString(eventType)
                .readOnly(readOnly != null ? readOnly : !signIn && looksReadOnly(eventName))
                .recipientAccountId(account)
                .eventCategoryAsString("Management")
                .managementEvent(true);
        if (identity != Identity.SERVICE && !signIn) {
            b.tlsDetails(TlsDetails.builder()
                    .tlsVersion("TLSv1.3")
                    .cipherSuite("TLS_AES_128_GCM_SHA256")
                    .clientProvidedHostHeader(host())
                    .build());
        }
        CloudTrailRecord withoutIds = b.build();
        String content = CloudTrail.writer().toJson(withoutIds);
        CloudTrailRecord.Builder ids = CloudTrailRecord.builder()
                .from(withoutIds)
                .eventID(eventId != null ? eventId : uuid("eventID", content));
        if (!signIn || requestId != null) {
            ids.requestID(requestId != null ? requestId : uuid("requestID", content));
        }
        return ids.build();
    }

    private UserIdentity identity() {
        UserIdentity.Builder id = UserIdentity.builder();
        switch (identity) {
            case ROOT:
                id.typeAsString("Root")
                        .principalId(account)
                        .arn("arn:aws:iam::" + account + ":root")
                        .accountId(account);
                if (!signIn) {
                    id.accessKeyId("ASIA" + code("root", 16));
                }
                if (!signIn) {
                    id.sessionContext(
                            SessionContext.builder().attributes(attributes()).build());
                }
                break;
            case ASSUMED_ROLE:
                String roleId = "AROA" + code(roleName, 17);
                id.typeAsString("AssumedRole")
                        .principalId(roleId + ":" + sessionName)
                        .arn("arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName)
                        .accountId(account)
                        .accessKeyId("ASIA" + code(roleName + "/" + sessionName, 16))
                        .sessionContext(SessionContext.builder()
                                .sessionIssuer(SessionIssuer.builder()
                                        .type("Role")
                                        .principalId(roleId)
                                        .arn("arn:aws:iam::" + account + ":role/" + roleName)
                                        .accountId(account)
                                        .userName(roleName)
                                        .build())
                                .attributes(attributes())
                                .build());
                break;
            case SERVICE:
                id.typeAsString("AWSService").invokedBy(service);
                break;
            default:
                id.typeAsString("IAMUser")
                        .principalId("AIDA" + code(userName, 17))
                        .arn("arn:aws:iam::" + account + ":user/" + userName)
                        .accountId(account)
                        .userName(userName);
                if (!signIn) {
                    id.accessKeyId("AKIA" + code(userName, 16));
                }
                if (mfa && !signIn) {
                    id.sessionContext(
                            SessionContext.builder().attributes(attributes()).build());
                }
        }
        return id.build();
    }

    private SessionAttributes attributes() {
        return SessionAttributes.builder()
                .creationDate(eventTime.minus(Duration.ofMinutes(5)).toString())
                .mfaAuthenticated(Boolean.toString(mfa))
                .build();
    }

    private JsonValue signInData() {
        Map<String, JsonValue> data = new LinkedHashMap<>();
        data.put("LoginTo", JsonValue.of("https://console.aws.amazon.com/console/home"));
        data.put("MobileVersion", JsonValue.of("No"));
        data.put("MFAUsed", JsonValue.of(mfa ? "Yes" : "No"));
        return JsonValue.object(data);
    }

    private String host() {
        String prefix = eventSource.endsWith(".amazonaws.com")
                ? eventSource.substring(0, eventSource.length() - ".amazonaws.com".length())
                : eventSource;
        return prefix + "." + region + ".amazonaws.com";
    }

    static boolean looksReadOnly(String eventName) {
        for (String p : new String[] {"Get", "Describe", "List", "Head", "Lookup", "BatchGet"}) {
            if (eventName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static String uuid(String kind, String content) {
        return UUID.nameUUIDFromBytes((kind + "\n" + content).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** An upper-case id part derived from {@code seed}, like the random letters of IAM ids. */
    private static String code(String seed, int length) {
        String hex = UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8))
                .toString()
                .replace("-", "")
                .toUpperCase(Locale.ROOT);
        return hex.substring(0, length);
    }

    private static String requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }
}
