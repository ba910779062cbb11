package io.github.trailkit.cli.internal;

import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server (S3Proxy) in this process, on a free loopback port, keeping objects in memory and accepting
 * any credentials: the S3 of {@code cloudtrail demo}.
 *
 * <pre>{@code
 * try (InMemoryS3 s3 = InMemoryS3.start(); S3Client client = s3.client()) {
 *     client.createBucket(b -> b.bucket("trail-bucket"));
 *     client.putObject(p -> p.bucket("trail-bucket").key(key), RequestBody.fromBytes(log));
 * }
 * }</pre>
 */
public final class InMemoryS3 implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final S3Proxy proxy;
    private final URI uri;

    private InMemoryS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.uri = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /**
     * Starts a server and waits until it accepts requests.
     *
     * @throws IllegalStateException when it does not start
     */
    public static InMemoryS3 start() {
        S3Proxy proxy = S3Proxy.builder()
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.NONE, "", "")
                .blobStore(new TransientNio2BlobStore())
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly(proxy);
            throw new IllegalStateException("interrupted while S3Proxy was starting", e);
        } catch (Exception e) {
            stopQuietly(proxy);
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException("cannot start S3Proxy", e);
        }
        return new InMemoryS3(proxy);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return uri;
    }

    /**
     * A new S3 client for this server (path-style requests, region {@code us-east-1}, static credentials, the
     * URLConnection HTTP client); the caller closes it.
     */
    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(uri)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("demo", "demo")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Stops the server; its objects are gone. */
    @Override
    public void close() {
        stopQuietly(proxy);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            // nothing is left to clean up in an in-memory store
        }
    }
}
