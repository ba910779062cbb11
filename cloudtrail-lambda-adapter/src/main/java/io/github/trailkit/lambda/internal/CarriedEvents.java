package io.github.trailkit.lambda.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.trailkit.model.ReadLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The shapes that carry CloudTrail records without a log file ({@code reference/cloudtrail-formats.md} section 10):
 * EventBridge events CloudTrail sends ({@code detail-type} "... via CloudTrail", the record in {@code detail}), and
 * CloudWatch Logs subscription messages ({@code DATA_MESSAGE}, one record per {@code logEvents[].message};
 * {@code CONTROL_MESSAGE}, ignored), base64 and gzip as Lambda and Kinesis hand them over.
 *
 * <p>Every method throws {@link IllegalArgumentException} with a reason naming what is wrong (bad base64, data that
 * is not gzip, a {@code detail} that is not an object...); the caller fails the unit of work that carried it.
 * Stateless and thread-safe.
 */
final class CarriedEvents {
    /** How every CloudTrail {@code detail-type} ends ("AWS API Call via CloudTrail", "AWS Insight via CloudTrail"...). */
    static final String VIA_CLOUDTRAIL = " via CloudTrail";

    static final String DATA_MESSAGE = "DATA_MESSAGE";
    static final String CONTROL_MESSAGE = "CONTROL_MESSAGE";

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final int SNIPPET = 80;
    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("[ \t\r\n]+");

    private CarriedEvents() {}

    // ---------------------------------------------------------------- EventBridge

    /**
     * Whether an EventBridge event is one CloudTrail sent: its {@code detail-type} ends with " via CloudTrail". That
     * takes in every type of section 10.1, both spellings of the sign-in type ("Sign In", "Signin") and the
     * "Amazon API Call via CloudTrail" of the China Regions' pages.
     */
    static boolean isCloudTrailEvent(JsonNode node) {
        JsonNode type = node.get("detail-type");
        return type != null && type.isTextual() && type.asText().endsWith(VIA_CLOUDTRAIL);
    }

    /**
     * The record of an EventBridge event CloudTrail sent.
     *
     * @param node the event, parsed
     * @param text the event's JSON text, from which the {@code detail} is cut as is
     */
    static EventRecord cloudTrailEvent(JsonNode node, String text) {
        String detailType = node.get("detail-type").asText();
        JsonNode detail = node.get("detail");
        if (detail == null || !detail.isObject()) {
            throw new IllegalArgumentException("EventBridge event " + quote(detailType) + ": detail is "
                    + (detail == null
                            ? "missing"
                            : "a JSON " + detail.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + ", not an object");
        }
        JsonNode id = node.get("id");
        String eventId = id != null && id.isTextual() && !id.asText().isEmpty() ? id.asText() : "(no id)";
        return new EventRecord("eventbridge:" + eventId, 0, member(text, "detail"));
    }

    // ---------------------------------------------------------------- CloudWatch Logs

    /** {@code {"awslogs":{"data":"..."}}}: what a subscription filter hands a Lambda. */
    static boolean isCloudWatchLogsEvent(JsonNode node) {
        return node.has("awslogs");
    }

    /** A decoded subscription message: {@code messageType} and {@code logEvents}. */
    static boolean isCloudWatchLogsMessage(JsonNode node) {
        return node.has("messageType") && node.has("logEvents");
    }

    /** The subscription message of an {@code awslogs} event, decoded from base64 and inflated: its JSON bytes. */
    static byte[] awslogsData(JsonNode node, ReadLimits limits) {
        JsonNode awslogs = node.get("awslogs");
        JsonNode data = awslogs == null ? null : awslogs.get("data");
        if (data == null || !data.isTextual()) {
            throw new IllegalArgumentException("CloudWatch Logs event: awslogs.data is missing or not a string");
        }
        byte[] bytes = base64(data.asText(), "CloudWatch Logs awslogs.data");
        if (!isGzip(bytes)) {
            throw new IllegalArgumentException("CloudWatch Logs awslogs.data is not gzip data (it starts with "
                    + hex(bytes) + "; subscription filters always gzip it)");
        }
        return inflate(bytes, limits, "CloudWatch Logs awslogs.data");
    }

    /**
     * The records of a subscription message: one per {@code logEvents} entry of a {@code DATA_MESSAGE}; nothing for
     * a {@code CONTROL_MESSAGE}, which leaves a reason in {@code ignored}.
     */
    static void cloudWatchLogsMessage(JsonNode node, List<EventRecord> records, List<String> ignored) {
        String type = text(node, "messageType");
        if (CONTROL_MESSAGE.equals(type)) {
            JsonNode first = node.path("logEvents").path(0).path("message");
            ignored.add("CloudWatch Logs CONTROL_MESSAGE"
                    + (first.isTextual() ? ": " + quote(snippet(first.asText())) : ""));
            return;
        }
        if (!DATA_MESSAGE.equals(type)) {
            throw new IllegalArgumentException("CloudWatch Logs message of messageType "
                    + (type == null ? "(none)" : quote(snippet(type))) + ", not DATA_MESSAGE or CONTROL_MESSAGE");
        }
        String group = text(node, "logGroup");
        String stream = text(node, "logStream");
        if (group == null || stream == null) {
            throw new IllegalArgumentException("CloudWatch Logs DATA_MESSAGE: logGroup or logStream is missing");
        }
        JsonNode events = node.get("logEvents");
        if (!events.isArray()) {
            throw new IllegalArgumentException(
                    "CloudWatch Logs DATA_MESSAGE from " + group + ": logEvents is not an" + " array");
        }
        int i = 0;
        for (JsonNode event : events) {
            JsonNode message = event.get("message");
            if (!event.isObject() || message == null || !message.isTextual()) {
                throw new IllegalArgumentException("CloudWatch Logs DATA_MESSAGE from " + group + ": logEvents[" + i
                        + "].message is missing or not a string");
            }
            JsonNode id = event.get("id");
            String eventId = id != null && (id.isTextual() || id.isNumber()) ? id.asText() : "#" + i;
            records.add(
                    new EventRecord("cloudwatch-logs:" + group + ":" + stream + ":" + eventId, i, message.asText()));
            i++;
        }
    }

    // ---------------------------------------------------------------- encodings

    /** Base64 (standard alphabet; white space, such as line breaks, tolerated) to bytes. */
    static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(WHITE_SPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64: " + e.getMessage(), e);
        }
    }

    /** Whether data starts with the gzip magic bytes {@code 1f 8b}. */
    static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b;
    }

    /**
     * Inflates gzip data (every member, as {@code zcat} does) within the reader's limits: at most
     * {@link ReadLimits#maxTotalBytes()} bytes, and at most {@link ReadLimits#maxInflateRatio()} times the compressed
     * size once past 1 MiB (small inputs have extreme ratios either way), as a log file is read.
     */
    static byte[] inflate(byte[] gzip, ReadLimits limits, String what) {
        long max = limits.maxTotalBytes();
        long ratioFloor = 1L << 20;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, Math.min(gzip.length * 8, 1 << 20)));
        byte[] buffer = new byte[8192];
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 8192)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new IllegalArgumentException(
                            what + " inflates to more than " + max + " bytes (maxTotalBytes)");
                }
                if (total > ratioFloor && total / Math.max(1, gzip.length) >= limits.maxInflateRatio()) {
                    throw new IllegalArgumentException(what + " inflates more than " + limits.maxInflateRatio()
                            + " times its " + gzip.length + " compressed bytes (maxInflateRatio; a decompression"
                            + " bomb?)");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    what + " is not valid gzip data after " + total + " inflated bytes: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * The text of one member of a JSON object, cut from the object's own text: the exact characters the event
     * carried. When the name occurs more than once the last one counts, as when the object is read into a tree.
     *
     * @throws IllegalArgumentException if the text is not an object or has no such member
     */
    static String member(String json, String name) {
        long start = -1;
        long end = -1;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                long s = p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                if (name.equals(field)) {
                    start = s;
                    end = p.currentLocation().getCharOffset();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (start < 0 || end <= start || end > json.length()) {
            throw new IllegalArgumentException("no member " + quote(name));
        }
        return json.substring((int) start, (int) end);
    }

    // ---------------------------------------------------------------- small helpers

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            b.append(String.format("%02x ", bytes[i] & 0xff));
        }
        return bytes.length == 0 ? "nothing (empty)" : b.toString().strip();
    }

    static String snippet(String text) {
        String s = text.length() > SNIPPET ? text.substring(0, SNIPPET) + "..." : text;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            b.append(Character.isISOControl(ch) ? ' ' : ch);
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
