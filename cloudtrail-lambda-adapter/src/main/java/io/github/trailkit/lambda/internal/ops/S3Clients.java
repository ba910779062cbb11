package io.github.trailkit.lambda.internal.ops;

import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client the handler builds when it is given none, set up for a cold start that does no work it can skip:
 *
 * <ul>
 *   <li>the region from {@code AWS_REGION} (Lambda always sets it), so the SDK's region provider chain (system
 *       properties, profile files, instance metadata) is not consulted;
 *   <li>credentials from the environment variables when the process has them (Lambda sets them for an on-demand
 *       function), so the default provider chain's classes are not loaded. A SnapStart function has no such variables
 *       (Lambda gives its credentials through the container endpoint): it keeps the default chain, which resolves
 *       them after the restore, never into the snapshot;
 *   <li>checksums only where S3 requires them ({@code WHEN_REQUIRED} for requests and responses): the handler only
 *       reads objects, and every log object is gzip, whose CRC-32 trailer the reader checks on every object; TLS
 *       protects the bytes in transit.
 * </ul>
 *
 * <pre>{@code
 * S3Client s3 = S3Clients.lean(UrlConnectionHttpClient.builder(), System.getenv());
 * }</pre>
 */
public final class S3Clients {
    private S3Clients() {}

    /**
     * The handler's default S3 client.
     *
     * @param http the HTTP client builder (see {@link HttpClients})
     * @param env the function's environment, for {@code AWS_REGION}
     */
    public static S3Client lean(SdkHttpClient.Builder<?> http, Map<String, String> env) {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(http)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        String region = env.get("AWS_REGION");
        if (region != null && !region.isBlank()) {
            b.region(Region.of(region.strip()));
        }
        if (hasEnvironmentCredentials()) {
            b.credentialsProvider(EnvironmentVariableCredentialsProvider.create());
        }
        return b.build();
    }

    /** Whether the process (not only the builder's map) has key credentials in its environment. */
    static boolean hasEnvironmentCredentials() {
        String id = System.getenv("AWS_ACCESS_KEY_ID");
        String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
        return id != null && !id.isBlank() && secret != null && !secret.isBlank();
    }
}
