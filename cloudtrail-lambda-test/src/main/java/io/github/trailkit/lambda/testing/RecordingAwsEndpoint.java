package io.github.trailkit.lambda.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * A fake of Amazon SNS and Amazon EventBridge on the wire, for tests of code that uses the real AWS SDK clients: a JDK
 * {@link HttpServer} on {@code 127.0.0.1} and a free port that records every request and answers the way the services
 * do, or fails the way you script it.
 *
 * <ul>
 *   <li><b>SNS</b> (AWS query protocol: a form-encoded {@code POST /}): {@code Action=PublishBatch} is answered with a
 *       {@code PublishBatchResponse} listing each entry under {@code Successful} or {@code Failed}, {@code
 *       Action=Publish} with a {@code PublishResponse}; other actions get a 400 {@code InvalidAction} error.
 *   <li><b>EventBridge</b> (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.PutEvents}): answered with {@code
 *       {"FailedEntryCount":n,"Entries":[{"EventId":..}|{"ErrorCode":..,"ErrorMessage":..}]}}, one result per entry
 *       in order; other targets get a 400 {@code UnknownOperationException}.
 *   <li><b>CloudTrail</b> (AWS JSON 1.1, {@code X-Amz-Target:
 *       com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListPublicKeys}): answered with the keys given to
 *       {@link #publicKeys(List)}, one key per page ({@code NextToken}) so that paging is exercised.
 * </ul>
 *
 * <p>Scripted failures: {@link #failNext(int, int)} answers the next requests with an HTTP error in the protocol's
 * own error format ({@link #throttleNext(int)} for throttling, {@link #failAlways(int)} for a service that stays
 * down); {@link #failEntries} fails chosen entries inside otherwise successful batch answers.
 *
 * <pre>{@code
 * try (RecordingAwsEndpoint aws = RecordingAwsEndpoint.start()) {
 *     aws.failNext(1, 503);                                      // the first request gets a 503
 *     aws.failEntries(e -> e.payload().contains("root-login"), 1, "InternalError", false);
 *     SnsClient sns = aws.snsClient();                           // a real client, SDK retries off
 *     ... code under test publishes ...
 *     assertThat(aws.snsPublished()).extracting(SnsMessage::subject).containsExactly(...);
 *     assertThat(aws.requests()).hasSize(3);
 * }
 * }</pre>
 *
 * <p>Thread-safe. Requests are answered one at a time, in arrival order, so scripts are consumed deterministically.
 */
public final class RecordingAwsEndpoint implements AutoCloseable {
    /** The SNS XML namespace, API version 2010-03-31. */
    public static final String SNS_NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    /** Access key id of the clients built by {@link #snsClient()} and {@link #eventBridgeClient()}. */
    public static final String ACCESS_KEY_ID = "AKIDTEST";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final URI uri;
    private final List<Request> requests = new ArrayList<>();
    private final List<SnsMessage> snsPublished = new ArrayList<>();
    private final List<EventBridgeEvent> eventsPut = new ArrayList<>();
    private final Deque<RequestFailure> requestFailures = new ArrayDeque<>();
    private final List<EntryFailure> entryFailures = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();
    private SnsClient snsClient;
    private EventBridgeClient eventBridgeClient;
    private CloudTrailClient cloudTrailClient;
    private List<PublicKeyAnswer> publicKeys = List.of();
    private long ids;

    private RecordingAwsEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts a fake on {@code 127.0.0.1} and a free port. */
    public static RecordingAwsEndpoint start() {
        try {
            return new RecordingAwsEndpoint();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, for a client builder's {@code endpointOverride}. */
    public URI uri() {
        return uri;
    }

    /**
     * A real {@link SnsClient} pointed at this fake: region {@code us-east-1}, static credentials {@value
     * #ACCESS_KEY_ID}, the URLConnection HTTP client, and SDK retries off (so the test sees the code under test's own
     * retries). Built once; closed by {@link #close()}.
     */
    public synchronized SnsClient snsClient() {
        if (snsClient == null) {
            snsClient = pointedHere(SnsClient.builder());
        }
        return snsClient;
    }

    /** A real {@link EventBridgeClient} pointed at this fake, configured as {@link #snsClient()} is. */
    public synchronized EventBridgeClient eventBridgeClient() {
        if (eventBridgeClient == null) {
            eventBridgeClient = pointedHere(EventBridgeClient.builder());
        }
        return eventBridgeClient;
    }

    /** A real {@link CloudTrailClient} pointed at this fake, configured as {@link #snsClient()} is. */
    public synchronized CloudTrailClient cloudTrailClient() {
        if (cloudTrailClient == null) {
            cloudTrailClient = pointedHere(CloudTrailClient.builder());
        }
        return cloudTrailClient;
    }

    /** The keys {@code ListPublicKeys} answers with from now on (not cleared by {@link #reset()}). */
    public synchronized RecordingAwsEndpoint publicKeys(List<PublicKeyAnswer> keys) {
        this.publicKeys = List.copyOf(keys);
        return this;
    }

    /**
     * A key as {@code ListPublicKeys} returns it.
     *
     * @param der the DER bytes ({@code Value}, sent base64)
     * @param fingerprint {@code Fingerprint}
     * @param validityStart {@code ValidityStartTime}
     * @param validityEnd {@code ValidityEndTime}
     */
    public record PublicKeyAnswer(byte[] der, String fingerprint, Instant validityStart, Instant validityEnd) {}

    /** Builds a client pointed at this fake, as {@link #snsClient()} describes, and closes it with this fake. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C pointedHere(
            B builder) {
        C client = builder.endpointOverride(uri)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(
                        o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(30)))
                .build();
        clients.add(client);
        return client;
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, "secret"));
    }

    /* ------------------------------------------------------------------ scripting */

    /**
     * Answers the next {@code count} requests with HTTP {@code status} and an error body in the protocol's format,
     * with the usual error code for that status: 400 {@code InvalidParameter} / {@code ValidationException}, 403
     * {@code AuthorizationError} / {@code AccessDeniedException}, 404 {@code NotFound} / {@code
     * ResourceNotFoundException}, 429 {@code Throttled} / {@code ThrottlingException}, 500 {@code InternalError} /
     * {@code InternalException}, 503 and others {@code ServiceUnavailable} / {@code ServiceUnavailableException}
     * (SNS / EventBridge). Scripts queue up: {@code failNext(1, 503).failNext(1, 500)}.
     */
    public synchronized RecordingAwsEndpoint failNext(int count, int status) {
        return failNext(count, status, null);
    }

    /**
     * Answers the next {@code count} requests with HTTP {@code status} and an error with code {@code errorCode} (in
     * the SNS XML or the EventBridge JSON error format), such as {@code failNext(2, 400, "Throttling")}.
     */
    public synchronized RecordingAwsEndpoint failNext(int count, int status, String errorCode) {
        if (count < 1 || status < 400) {
            throw new IllegalArgumentException(
                    "count must be positive and status an error, was " + count + ", " + status);
        }
        requestFailures.addLast(new RequestFailure(count, status, errorCode));
        return this;
    }

    /**
     * Answers the next {@code count} requests as throttled, as the services do: HTTP 400 with code {@code
     * Throttling} (SNS) or {@code ThrottlingException} (EventBridge).
     */
    public synchronized RecordingAwsEndpoint throttleNext(int count) {
        return failNext(count, 400, THROTTLING);
    }

    /** Answers every request from now on with HTTP {@code status}, as {@link #failNext(int, int)} does. */
    public synchronized RecordingAwsEndpoint failAlways(int status) {
        return failNext(Integer.MAX_VALUE, status, null);
    }

    /**
     * Fails the next {@code times} entries that {@code which} accepts (counted across requests; {@link
     * Integer#MAX_VALUE} for always) inside otherwise successful {@code PublishBatch} and {@code PutEvents} answers.
     * SNS lists them under {@code Failed} with this {@code Code} and {@code SenderFault}; EventBridge answers them
     * with this {@code ErrorCode} ({@code senderFault} is not part of its answer). A single {@code Publish} that
     * matches gets a whole-request error (400 when a sender fault, else 500).
     *
     * <pre>{@code
     * aws.failEntries(e -> e.payload().contains("\"recordIndex\":3"), 1, "InternalError", false);   // retryable once
     * aws.failEntries(e -> e.position() == 0, Integer.MAX_VALUE, "InvalidParameter", true);       // always refused
     * }</pre>
     */
    public synchronized RecordingAwsEndpoint failEntries(
            Predicate<? super Entry> which, int times, String code, boolean senderFault) {
        Objects.requireNonNull(which, "which");
        Objects.requireNonNull(code, "code");
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive, was " + times);
        }
        entryFailures.add(new EntryFailure(which, times, code, senderFault));
        return this;
    }

    /** Forgets recorded requests, delivered entries and every script. */
    public synchronized void reset() {
        requests.clear();
        snsPublished.clear();
        eventsPut.clear();
        requestFailures.clear();
        entryFailures.clear();
    }

    /* ------------------------------------------------------------------ what was seen */

    /** Every request received so far, in arrival order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for one action: {@code PublishBatch}, {@code Publish}, {@code PutEvents}, ... */
    public synchronized List<Request> requests(String action) {
        return requests.stream().filter(r -> action.equals(r.action())).toList();
    }

    /** Every SNS message answered as published (by {@code Publish} or within {@code PublishBatch}), in order. */
    public synchronized List<SnsMessage> snsPublished() {
        return List.copyOf(snsPublished);
    }

    /** Every EventBridge event answered as put, in order. */
    public synchronized List<EventBridgeEvent> eventsPut() {
        return List.copyOf(eventsPut);
    }

    /** Stops the server and closes the clients it built. */
    @Override
    public void close() {
        server.stop(0);
        synchronized (this) {
            for (AutoCloseable c : clients) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing a test client; nothing to do
                }
            }
            clients.clear();
        }
    }

    @Override
    public String toString() {
        return "RecordingAwsEndpoint(" + uri + ")";
    }

    /* ------------------------------------------------------------------ recorded values */

    /**
     * One request as received.
     *
     * @param method the HTTP method
     * @param path the request path and query
     * @param headers the headers, names compared ignoring case
     * @param body the body as UTF-8 text
     * @param status the HTTP status the fake answered with
     */
    public record Request(String method, String path, Map<String, List<String>> headers, String body, int status) {

        /** The first value of a header, or null; the name is compared ignoring case. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        /** True for AWS JSON requests ({@code X-Amz-Target} present), false for query-protocol requests. */
        public boolean isJson() {
            return header("X-Amz-Target") != null;
        }

        /**
         * The operation: the part of {@code X-Amz-Target} after the last dot ({@code PutEvents}) for JSON requests, else
         * the form's {@code Action} ({@code PublishBatch}); null if neither.
         */
        public String action() {
            String target = header("X-Amz-Target");
            if (target != null) {
                return target.substring(target.lastIndexOf('.') + 1);
            }
            return form().get("Action");
        }

        /** The form-encoded body decoded ({@code +} is a space, {@code %2B} a plus), in order. */
        public Map<String, String> form() {
            return decodeForm(body);
        }

        /** The JSON body parsed. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The SNS messages of a {@code PublishBatch} or {@code Publish} request, in request order. */
        public List<SnsMessage> snsMessages() {
            return parseSns(form());
        }

        /** The events of a {@code PutEvents} request, in request order. */
        public List<EventBridgeEvent> events() {
            return parseEvents(json());
        }
    }

    /** An entry of a batch request, SNS message or EventBridge event, as {@link #failEntries} sees it. */
    public sealed interface Entry permits SnsMessage, EventBridgeEvent {
        /** Its position in its request, from 0. */
        int position();

        /** The SNS {@code Message} or the EventBridge {@code Detail}. */
        String payload();
    }

    /**
     * An SNS message as sent.
     *
     * @param position position in the request, from 0
     * @param topicArn {@code TopicArn}
     * @param id the batch entry {@code Id}; null for {@code Publish}
     * @param subject {@code Subject}, or null
     * @param message {@code Message}
     * @param attributes message attributes: name to {@code StringValue} (or {@code BinaryValue} as sent)
     * @param dataTypes message attributes: name to {@code DataType}
     * @param messageGroupId {@code MessageGroupId}, or null
     * @param messageDeduplicationId {@code MessageDeduplicationId}, or null
     */
    public record SnsMessage(
            int position,
            String topicArn,
            String id,
            String subject,
            String message,
            Map<String, String> attributes,
            Map<String, String> dataTypes,
            String messageGroupId,
            String messageDeduplicationId)
            implements Entry {
        @Override
        public String payload() {
            return message;
        }
    }

    /**
     * An EventBridge event as sent.
     *
     * @param position position in the request, from 0
     * @param eventBusName {@code EventBusName}, or null
     * @param source {@code Source}
     * @param detailType {@code DetailType}
     * @param detail {@code Detail}, JSON text
     * @param resources {@code Resources}, empty when absent
     * @param time {@code Time}, or null
     */
    public record EventBridgeEvent(
            int position,
            String eventBusName,
            String source,
            String detailType,
            String detail,
            List<String> resources,
            Instant time)
            implements Entry {
        @Override
        public String payload() {
            return detail;
        }

        /** {@link #detail()} parsed. */
        public JsonNode detailJson() {
            try {
                return JSON.readTree(detail);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /* ------------------------------------------------------------------ the server */

    private static final String THROTTLING = "\0throttling";

    private record RequestFailure(int count, int status, String code) {}

    private static final class EntryFailure {
        final Predicate<? super Entry> which;
        int remaining;
        final String code;
        final boolean senderFault;

        EntryFailure(Predicate<? super Entry> which, int remaining, String code, boolean senderFault) {
            this.which = which;
            this.remaining = remaining;
            this.code = code;
            this.senderFault = senderFault;
        }
    }

    private record Answer(int status, String contentType, String body) {}

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Answer answer;
            int number;
            try {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
                Request partial = new Request(
                        ex.getRequestMethod(),
                        ex.getRequestURI().toString(),
                        Collections.unmodifiableMap(headers),
                        body,
                        0);
                synchronized (this) {
                    answer = answer(partial);
                    requests.add(
                            new Request(partial.method(), partial.path(), partial.headers(), body, answer.status()));
                    number = requests.size();
                }
            } catch (RuntimeException e) {
                answer = new Answer(500, "text/plain", "fake failed: " + e);
                number = 0;
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", answer.contentType());
            ex.getResponseHeaders().add("x-amzn-RequestId", "req-" + number);
            ex.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            ex.getResponseBody().write(bytes);
        }
    }

    private Answer answer(Request r) {
        boolean json = r.isJson();
        RequestFailure failure = requestFailures.peekFirst();
        if (failure != null) {
            requestFailures.removeFirst();
            if (failure.count() > 1) {
                requestFailures.addFirst(new RequestFailure(
                        failure.count() == Integer.MAX_VALUE ? Integer.MAX_VALUE : failure.count() - 1,
                        failure.status(),
                        failure.code()));
            }
            return error(json, failure.status(), failure.code(), "scripted failure");
        }
        String action = r.action();
        if (json) {
            if ("PutEvents".equals(action) && r.header("X-Amz-Target").startsWith("AWSEvents.")) {
                return putEvents(r);
            }
            if ("ListPublicKeys".equals(action)
                    && r.header("X-Amz-Target").startsWith("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.")) {
                return listPublicKeys(r);
            }
            return error(true, 400, "UnknownOperationException", "not faked: " + r.header("X-Amz-Target"));
        }
        if ("PublishBatch".equals(action)) {
            return publishBatch(r);
        }
        if ("Publish".equals(action)) {
            return publish(r);
        }
        return error(false, 400, "InvalidAction", "not faked: " + action);
    }

    private Answer publishBatch(Request r) {
        StringBuilder ok = new StringBuilder();
        StringBuilder failed = new StringBuilder();
        for (SnsMessage m : r.snsMessages()) {
            EntryFailure f = entryFailure(m);
            if (f == null) {
                snsPublished.add(m);
                ok.append("<member><Id>")
                        .append(xml(m.id()))
                        .append("</Id><MessageId>msg-")
                        .append(++ids)
                        .append("</MessageId></member>");
            } else {
                failed.append("<member><Id>")
                        .append(xml(m.id()))
                        .append("</Id><Code>")
                        .append(xml(f.code))
                        .append("</Code><Message>scripted entry failure</Message><SenderFault>")
                        .append(f.senderFault)
                        .append("</SenderFault></member>");
            }
        }
        return new Answer(
                200,
                "text/xml",
                "<PublishBatchResponse xmlns=\"" + SNS_NAMESPACE + "\"><PublishBatchResult>"
                        + "<Successful>" + ok + "</Successful><Failed>" + failed + "</Failed></PublishBatchResult>"
                        + "<ResponseMetadata><RequestId>req-" + (requests.size() + 1)
                        + "</RequestId></ResponseMetadata>"
                        + "</PublishBatchResponse>");
    }

    private Answer publish(Request r) {
        SnsMessage m = r.snsMessages().get(0);
        EntryFailure f = entryFailure(m);
        if (f != null) {
            return error(false, f.senderFault ? 400 : 500, f.code, "scripted entry failure");
        }
        snsPublished.add(m);
        return new Answer(
                200,
                "text/xml",
                "<PublishResponse xmlns=\"" + SNS_NAMESPACE + "\"><PublishResult>"
                        + "<MessageId>msg-" + (++ids) + "</MessageId></PublishResult>"
                        + "<ResponseMetadata><RequestId>req-" + (requests.size() + 1)
                        + "</RequestId></ResponseMetadata>"
                        + "</PublishResponse>");
    }

    private Answer putEvents(Request r) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode entries = JSON.createArrayNode();
        int failed = 0;
        for (EventBridgeEvent e : r.events()) {
            EntryFailure f = entryFailure(e);
            if (f == null) {
                eventsPut.add(e);
                entries.addObject().put("EventId", "ev-" + (++ids));
            } else {
                failed++;
                entries.addObject().put("ErrorCode", f.code).put("ErrorMessage", "scripted entry failure");
            }
        }
        out.put("FailedEntryCount", failed);
        out.set("Entries", entries);
        return new Answer(200, "application/x-amz-json-1.1", out.toString());
    }

    private Answer listPublicKeys(Request r) {
        String token = text(r.json(), "NextToken");
        int page = token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("PublicKeyList");
        if (page < publicKeys.size()) {
            PublicKeyAnswer k = publicKeys.get(page);
            list.addObject()
                    .put("Value", Base64.getEncoder().encodeToString(k.der()))
                    .put("ValidityStartTime", k.validityStart().getEpochSecond())
                    .put("ValidityEndTime", k.validityEnd().getEpochSecond())
                    .put("Fingerprint", k.fingerprint());
        }
        if (page + 1 < publicKeys.size()) {
            out.put("NextToken", "page-" + (page + 1));
        }
        return new Answer(200, "application/x-amz-json-1.1", out.toString());
    }

    private EntryFailure entryFailure(Entry e) {
        for (EntryFailure f : entryFailures) {
            if (f.remaining > 0 && f.which.test(e)) {
                if (f.remaining != Integer.MAX_VALUE) {
                    f.remaining--;
                }
                return f;
            }
        }
        return null;
    }

    private Answer error(boolean json, int status, String code, String message) {
        if (code == null) {
            code = defaultCode(json, status);
        } else if (code.equals(THROTTLING)) {
            code = json ? "ThrottlingException" : "Throttling";
        }
        if (json) {
            ObjectNode body = JSON.createObjectNode().put("__type", code).put("message", message);
            return new Answer(status, "application/x-amz-json-1.1", body.toString());
        }
        return new Answer(
                status,
                "text/xml",
                "<ErrorResponse xmlns=\"" + SNS_NAMESPACE + "\"><Error><Type>"
                        + (status < 500 ? "Sender" : "Receiver") + "</Type><Code>" + xml(code) + "</Code><Message>"
                        + xml(message) + "</Message></Error><RequestId>req-" + (requests.size() + 1)
                        + "</RequestId></ErrorResponse>");
    }

    private static String defaultCode(boolean json, int status) {
        switch (status) {
            case 400:
                return json ? "ValidationException" : "InvalidParameter";
            case 403:
                return json ? "AccessDeniedException" : "AuthorizationError";
            case 404:
                return json ? "ResourceNotFoundException" : "NotFound";
            case 429:
                return json ? "ThrottlingException" : "Throttled";
            case 500:
                return json ? "InternalException" : "InternalError";
            default:
                return json ? "ServiceUnavailableException" : "ServiceUnavailable";
        }
    }

    /* ------------------------------------------------------------------ parsing */

    /** Decodes {@code application/x-www-form-urlencoded} text into an ordered map. */
    public static Map<String, String> decodeForm(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return m;
        }
        for (String kv : body.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            int i = kv.indexOf('=');
            String k = i < 0 ? kv : kv.substring(0, i);
            String v = i < 0 ? "" : kv.substring(i + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    private static List<SnsMessage> parseSns(Map<String, String> form) {
        String topic = form.get("TopicArn");
        List<SnsMessage> out = new ArrayList<>();
        if ("Publish".equals(form.get("Action"))) {
            out.add(snsMessage(form, "", 0, topic));
            return out;
        }
        for (int n = 1; form.containsKey("PublishBatchRequestEntries.member." + n + ".Id"); n++) {
            out.add(snsMessage(form, "PublishBatchRequestEntries.member." + n + ".", n - 1, topic));
        }
        return out;
    }

    private static SnsMessage snsMessage(Map<String, String> form, String prefix, int position, String topic) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (int m = 1; form.containsKey(prefix + "MessageAttributes.entry." + m + ".Name"); m++) {
            String a = prefix + "MessageAttributes.entry." + m + ".";
            String name = form.get(a + "Name");
            String value = form.containsKey(a + "Value.StringValue")
                    ? form.get(a + "Value.StringValue")
                    : form.get(a + "Value.BinaryValue");
            attributes.put(name, value);
            types.put(name, form.get(a + "Value.DataType"));
        }
        return new SnsMessage(
                position,
                topic,
                form.get(prefix + "Id"),
                form.get(prefix + "Subject"),
                form.get(prefix + "Message"),
                Collections.unmodifiableMap(attributes),
                Collections.unmodifiableMap(types),
                form.get(prefix + "MessageGroupId"),
                form.get(prefix + "MessageDeduplicationId"));
    }

    private static List<EventBridgeEvent> parseEvents(JsonNode body) {
        List<EventBridgeEvent> out = new ArrayList<>();
        int position = 0;
        for (JsonNode e : body.path("Entries")) {
            List<String> resources = new ArrayList<>();
            e.path("Resources").forEach(r -> resources.add(r.asText()));
            out.add(new EventBridgeEvent(
                    position++,
                    text(e, "EventBusName"),
                    text(e, "Source"),
                    text(e, "DetailType"),
                    text(e, "Detail"),
                    List.copyOf(resources),
                    time(e.get("Time"))));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** AWS JSON sends timestamps as epoch seconds, possibly with a fraction. */
    private static Instant time(JsonNode t) {
        if (t == null || t.isNull()) {
            return null;
        }
        if (t.isNumber()) {
            BigDecimal seconds = t.decimalValue();
            long s = seconds.longValue();
            int nanos =
                    seconds.subtract(BigDecimal.valueOf(s)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(s, nanos);
        }
        return Instant.parse(t.asText());
    }

    private static String xml(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
