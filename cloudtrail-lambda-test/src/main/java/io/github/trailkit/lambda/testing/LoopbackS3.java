package io.github.trailkit.lambda.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.trailkit.model.CloudTrail;
import io.github.trailkit.model.CloudTrailRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server (S3Proxy) on a loopback port, with a front that the handler's S3 client talks to: the
 * front forwards every request to the server, unless a test scripted a fault for the next GETs (an S3 error status, or
 * a body cut off after some bytes). Objects are put straight into the server. The handler's client is the real AWS
 * SDK v2 {@link S3Client} (path-style, fixed credentials, region {@code us-east-1}).
 *
 * <pre>{@code
 * try (LoopbackS3 s3 = LoopbackS3.inMemory()) {
 *     s3.createBucket("trail-bucket");
 *     s3.put("trail-bucket", key, gzippedLogFile);
 *     TrailkitHandler handler = TrailkitHandler.builder()
 *             .rules(rules).s3(s3.handlerClient()).sink(sink).build();
 *
 *     s3.failNextGets(1, 503, "SlowDown");                  // the handler's first GET fails, as S3 can
 *     handler.handleRequest(new ByteArrayInputStream(
 *             TriggerEvents.s3Event("trail-bucket", key).getBytes(UTF_8)), out, null);
 *     assertThat(s3.gets()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Thread-safe. S3Proxy starts in about a second: start one per test class.
 */
public final class LoopbackS3 implements AutoCloseable {
    private static final String ACCESS = "AKIDLOOPBACK";
    private static final String SECRET = "loopback-secret";

    private final S3Proxy proxy;
    private final URI serverUri;
    private final HttpServer front;
    private final URI frontUri;
    private final S3Client direct;
    private final List<S3Client> clients = new ArrayList<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<String> gets = new ArrayList<>();

    private record Fault(int status, String code, long cutAfter) {}

    private LoopbackS3(Object blobStore) throws Exception {
        S3Proxy.Builder builder = S3Proxy.builder()
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.NONE, ACCESS, SECRET);
        if (blobStore instanceof TransientNio2BlobStore t) {
            builder.blobStore(t);
        } else {
            builder.blobStore((FilesystemNio2BlobStore) blobStore);
        }
        proxy = builder.build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(2);
        }
        serverUri = URI.create("http://127.0.0.1:" + proxy.getPort());
        front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        front.createContext("/", this::forward);
        front.start();
        frontUri = URI.create("http://127.0.0.1:" + front.getAddress().getPort());
        direct = client(serverUri);
    }

    /** A server keeping objects in memory. */
    public static LoopbackS3 inMemory() {
        try {
            return new LoopbackS3(new TransientNio2BlobStore());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
    }

    /** A server keeping objects as files under {@code dir} (for objects larger than the test's heap). */
    public static LoopbackS3 onDisk(Path dir) {
        try {
            return new LoopbackS3(new FilesystemNio2BlobStore(dir.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
    }

    /** A client for the handler: it goes through the front, so scripted faults reach it. */
    public synchronized S3Client handlerClient() {
        S3Client c = client(frontUri);
        clients.add(c);
        return c;
    }

    /** The front's {@code http://127.0.0.1:<port>}: for clients built elsewhere (path-style), faults included. */
    public URI endpoint() {
        return frontUri;
    }

    /**
     * The server's own {@code http://127.0.0.1:<port>}, without the front: no scripted faults and nothing recorded,
     * for clients built elsewhere (path-style) whose requests should not pay for the forwarding, such as a
     * measurement's.
     */
    public URI serverEndpoint() {
        return serverUri;
    }

    /** Creates a bucket. */
    public void createBucket(String bucket) {
        direct.createBucket(b -> b.bucket(bucket));
    }

    /** Puts an object straight into the server. */
    public void put(String bucket, String key, byte[] body) {
        direct.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }

    /** Puts an object with user metadata (names without {@code x-amz-meta-}) straight into the server. */
    public void put(String bucket, String key, byte[] body, Map<String, String> metadata) {
        direct.putObject(p -> p.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(body));
    }

    /**
     * Puts a CloudTrail log file of these records straight into the server: {@code {"Records":[...]}} as CloudTrail's
     * writer gives each record, gzipped, as CloudTrail delivers it. With {@link TriggerEvents} this makes the events
     * of every S3 trigger shape from records:
     *
     * <pre>{@code
     * s3.putLogFile("trail-bucket", key, CloudTrailRecords.apiCall("sns.amazonaws.com", "CreateTopic").build());
     * String event = TriggerEvents.sqs(TriggerEvents.s3Event("trail-bucket", key));
     * }</pre>
     */
    public void putLogFile(String bucket, String key, CloudTrailRecord... records) {
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < records.length; i++) {
            json.append(i == 0 ? "" : ",").append(CloudTrail.writer().toJson(records[i]));
        }
        json.append("]}");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(json.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        put(bucket, key, gz.toByteArray());
    }

    /** Deletes an object straight from the server. */
    public void delete(String bucket, String key) {
        direct.deleteObject(d -> d.bucket(bucket).key(key));
    }

    /** Puts a file straight into the server, streamed. */
    public void put(String bucket, String key, Path file) {
        direct.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromFile(file));
    }

    /** The next {@code count} GETs through the front are answered with this S3 error instead of being forwarded. */
    public synchronized LoopbackS3 failNextGets(int count, int status, String code) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(status, code, -1));
        }
        return this;
    }

    /** The next GET through the front sends the real headers but only the first {@code bytes} of the body. */
    public synchronized LoopbackS3 cutNextGetAfter(long bytes) {
        faults.add(new Fault(0, null, bytes));
        return this;
    }

    /** Drops the faults scripted but not yet used. */
    public synchronized void clearFaults() {
        faults.clear();
    }

    /** The paths of the GETs that reached the front, in order. */
    public synchronized List<String> gets() {
        return List.copyOf(gets);
    }

    private synchronized Fault nextFault(String method, String path) {
        if (!"GET".equals(method)) {
            return null;
        }
        gets.add(path);
        return faults.poll();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String pathAndQuery = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            Fault fault = nextFault(method, exchange.getRequestURI().getPath());
            if (fault != null && fault.cutAfter < 0) {
                byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + fault.code
                                + "</Code><Message>scripted by the test</Message><RequestId>loopback</RequestId></Error>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/xml");
                exchange.sendResponseHeaders(fault.status, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            HttpURLConnection c = (HttpURLConnection)
                    URI.create(serverUri + pathAndQuery).toURL().openConnection();
            c.setRequestMethod(method);
            for (Map.Entry<String, List<String>> h :
                    exchange.getRequestHeaders().entrySet()) {
                String name = h.getKey();
                if (name.equalsIgnoreCase("Host")
                        || name.equalsIgnoreCase("Content-Length")
                        || name.equalsIgnoreCase("Connection")
                        || name.equalsIgnoreCase("Transfer-Encoding")) {
                    continue;
                }
                for (String v : h.getValue()) {
                    c.addRequestProperty(name, v);
                }
            }
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            if (requestBody.length > 0) {
                c.setDoOutput(true);
                c.setFixedLengthStreamingMode(requestBody.length);
                c.getOutputStream().write(requestBody);
            }
            int status = c.getResponseCode();
            for (Map.Entry<String, List<String>> h : c.getHeaderFields().entrySet()) {
                if (h.getKey() == null
                        || h.getKey().equalsIgnoreCase("Content-Length")
                        || h.getKey().equalsIgnoreCase("Transfer-Encoding")
                        || h.getKey().equalsIgnoreCase("Connection")) {
                    continue;
                }
                exchange.getResponseHeaders().put(h.getKey(), h.getValue());
            }
            long length = c.getContentLengthLong();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            if ("HEAD".equals(method) || in == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, length >= 0 ? length : 0);
            try (in;
                    OutputStream out = exchange.getResponseBody()) {
                long limit = fault != null ? fault.cutAfter : Long.MAX_VALUE;
                byte[] buf = new byte[64 * 1024];
                long sent = 0;
                int n;
                while (sent < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - sent))) > 0) {
                    out.write(buf, 0, n);
                    sent += n;
                }
                if (sent < length && fault != null) {
                    // leave the body short: let the client take the headers and the first bytes, then fail here,
                    // which makes the server drop the connection mid-body
                    out.flush();
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("cut by the test after " + sent + " bytes");
                }
            }
        }
    }

    private static S3Client client(URI endpoint) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS, SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                // a checksum only where S3 requires one: S3Proxy does not read every form of the SDK's default
                // streaming checksums (aws-chunked bodies with trailers), and PUTs then fail now and then
                .requestChecksumCalculation(
                        software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .build();
    }

    @Override
    public void close() {
        for (S3Client c : clients) {
            c.close();
        }
        direct.close();
        front.stop(0);
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop S3Proxy", e);
        }
    }
}
