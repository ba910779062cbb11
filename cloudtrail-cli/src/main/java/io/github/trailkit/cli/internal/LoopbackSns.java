package io.github.trailkit.cli.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * An HTTP endpoint on a free loopback port that answers the SNS {@code Publish} and {@code PublishBatch} actions as
 * Amazon SNS does (the AWS query protocol: a form-encoded {@code POST}, answered in XML) and keeps every message
 * published: the SNS topic of {@code cloudtrail demo}. Any other action gets SNS's {@code InvalidAction} error.
 *
 * <pre>{@code
 * try (LoopbackSns sns = LoopbackSns.start(); SnsClient client = sns.client()) {
 *     client.publish(p -> p.topicArn("arn:aws:sns:us-east-1:123456789012:alerts").subject("hi").message("text"));
 *     sns.published();   // [Message[topicArn=arn:aws:sns:..., subject=hi, message=text, attributes={}]]
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class LoopbackSns implements AutoCloseable {
    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    /**
     * One message as it was published.
     *
     * <pre>{@code
     * Message m = sns.published().get(0);
     * m.subject();                   // [HIGH] sns-topic-created: CreateTopic in 123456789012 us-east-2
     * m.attributes().get("ruleId");  // sns-topic-created
     * }</pre>
     *
     * @param topicArn the topic
     * @param subject the subject, or null
     * @param message the message text
     * @param attributes the message attributes' names and string values, in the order sent
     */
    public record Message(String topicArn, String subject, String message, Map<String, String> attributes) {}

    private final HttpServer server;
    private final URI uri;
    private final List<Message> published = new ArrayList<>();
    private long ids;

    private LoopbackSns() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts an endpoint on {@code 127.0.0.1} and a free port. */
    public static LoopbackSns start() {
        try {
            return new LoopbackSns();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback SNS endpoint", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return uri;
    }

    /**
     * A new SNS client for this endpoint (region {@code us-east-1}, static credentials, the URLConnection HTTP client);
     * the caller closes it.
     */
    public SnsClient client() {
        return SnsClient.builder()
                .endpointOverride(uri)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** The messages published so far, in order. */
    public synchronized List<Message> published() {
        return List.copyOf(published);
    }

    /** Stops the endpoint. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form =
                    decodeForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", "");
            String body;
            int status = 200;
            synchronized (this) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    status = 400;
                    body = error("InvalidAction", "SNS takes POST requests");
                } else if ("Publish".equals(action)) {
                    published.add(message(form, ""));
                    body = "<PublishResponse xmlns=\"" + NAMESPACE + "\"><PublishResult><MessageId>" + messageId()
                            + "</MessageId></PublishResult>" + metadata() + "</PublishResponse>";
                } else if ("PublishBatch".equals(action)) {
                    StringBuilder ok = new StringBuilder();
                    for (int n = 1; form.containsKey("PublishBatchRequestEntries.member." + n + ".Id"); n++) {
                        String prefix = "PublishBatchRequestEntries.member." + n + ".";
                        published.add(message(form, prefix));
                        ok.append("<member><Id>")
                                .append(xml(form.get(prefix + "Id")))
                                .append("</Id><MessageId>")
                                .append(messageId())
                                .append("</MessageId></member>");
                    }
                    body = "<PublishBatchResponse xmlns=\"" + NAMESPACE + "\"><PublishBatchResult><Successful>" + ok
                            + "</Successful><Failed/></PublishBatchResult>" + metadata() + "</PublishBatchResponse>";
                } else {
                    status = 400;
                    body = error("InvalidAction", "this endpoint answers Publish and PublishBatch, not " + action);
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static Message message(Map<String, String> form, String prefix) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int m = 1; form.containsKey(prefix + "MessageAttributes.entry." + m + ".Name"); m++) {
            String a = prefix + "MessageAttributes.entry." + m + ".";
            attributes.put(form.get(a + "Name"), form.get(a + "Value.StringValue"));
        }
        return new Message(
                form.get("TopicArn"),
                form.get(prefix + "Subject"),
                form.get(prefix + "Message"),
                Collections.unmodifiableMap(attributes));
    }

    private String messageId() {
        return String.format("00000000-0000-4000-8000-%012d", ++ids);
    }

    private String metadata() {
        return "<ResponseMetadata><RequestId>" + String.format("00000000-0000-4000-9000-%012d", ids)
                + "</RequestId></ResponseMetadata>";
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + xml(message) + "</Message></Error><RequestId>00000000-0000-4000-9000-000000000000</RequestId>"
                + "</ErrorResponse>";
    }

    private static Map<String, String> decodeForm(String body) {
        Map<String, String> m = new LinkedHashMap<>();
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

    private static String xml(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
