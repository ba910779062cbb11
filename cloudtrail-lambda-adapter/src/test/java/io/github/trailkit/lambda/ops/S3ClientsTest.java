package io.github.trailkit.lambda.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trailkit.lambda.internal.ops.S3Clients;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The handler's default S3 client takes its region from the function's {@code AWS_REGION}. */
class S3ClientsTest {
    @Test
    void regionFromTheEnvironment() {
        try (S3Client s3 = S3Clients.lean(UrlConnectionHttpClient.builder(), Map.of("AWS_REGION", "eu-west-3"))) {
            assertThat(s3.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_3);
        }
    }
}
