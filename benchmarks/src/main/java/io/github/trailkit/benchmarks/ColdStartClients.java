package io.github.trailkit.benchmarks;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one S3 client of the cold-start runs, built the same way by {@link HandlerColdStart} and by its baseline {@link
 * BareS3ColdStart}: the loopback endpoint, path-style requests, an explicit region and static credentials (a deployed
 * function's credentials come from the environment, which costs as little), and checksums only where S3 requires them,
 * as the handler's own default client has them. Each HTTP client is named in its own method, so that a run loads the
 * classes of the one it uses only.
 */
final class ColdStartClients {
    private ColdStartClients() {}

    /** The HTTP client names a run can ask for. */
    static final String URL_CONNECTION = "url-connection";

    static S3Client s3(URI endpoint, SdkHttpClient.Builder<?> http) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(http)
                .build();
    }

    /** The builder of {@code url-connection}, {@code apache} or {@code crt}. */
    static SdkHttpClient.Builder<?> http(String name) {
        return switch (name) {
            case URL_CONNECTION -> urlConnection();
            case "apache" -> apache();
            case "crt" -> crt();
            default -> throw new IllegalArgumentException("no HTTP client named " + name);
        };
    }

    private static SdkHttpClient.Builder<?> urlConnection() {
        return UrlConnectionHttpClient.builder();
    }

    private static SdkHttpClient.Builder<?> apache() {
        return ApacheHttpClient.builder();
    }

    private static SdkHttpClient.Builder<?> crt() {
        return AwsCrtHttpClient.builder();
    }
}
