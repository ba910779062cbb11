package io.github.trailkit.lambda.ops;

import static io.github.trailkit.rules.Rules.eventSource;
import static io.github.trailkit.rules.Rules.rule;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code TRAILKIT_HTTP_CLIENT} and {@code httpClient(...)} pick the HTTP client of the handler's own AWS clients; a
 * client that is not on the class path (the CRT and Apache clients are not trailkit dependencies) stops the handler
 * at start, naming the artifact to add.
 */
class HttpClientChoiceTest {
    static final RuleSet RULES =
            RuleSet.of(rule("any").when(eventSource().is("sns.amazonaws.com")).build());
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    TrailkitHandler.Builder builder(Map<String, String> env) {
        S3Client s3 = S3Client.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return TrailkitHandler.builder()
                .rules(RULES)
                .s3(s3)
                .sink(findings -> {})
                .logTo(new PrintStream(logBytes, true, UTF_8))
                .environment(env);
    }

    JsonNode readyLine() throws Exception {
        return new ObjectMapper()
                .readTree(logBytes.toString(UTF_8).lines().findFirst().orElseThrow());
    }

    @Test
    void theUrlConnectionClientIsTheDefault() throws Exception {
        builder(Map.of("TRAILKIT_LOG_FINDINGS", "false")).build();
        assertThat(readyLine().path("httpClient").asText()).isEqualTo("url-connection");
    }

    @Test
    void theEnvironmentNamesIt() throws Exception {
        builder(Map.of("TRAILKIT_LOG_FINDINGS", "false", "TRAILKIT_HTTP_CLIENT", "URL-Connection"))
                .build();
        assertThat(readyLine().path("httpClient").asText()).isEqualTo("url-connection");
    }

    @Test
    void theBuilderWinsOverTheEnvironment() throws Exception {
        builder(Map.of("TRAILKIT_LOG_FINDINGS", "false", "TRAILKIT_HTTP_CLIENT", "crt"))
                .httpClient(UrlConnectionHttpClient.builder())
                .build();
        assertThat(readyLine().path("httpClient").asText()).isEqualTo("url-connection");
    }

    @Test
    void aClientNotOnTheClassPathIsAClearErrorNamingItsArtifact() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder(Map.of("TRAILKIT_HTTP_CLIENT", "crt")).build())
                .withMessageContaining("TRAILKIT_HTTP_CLIENT=crt")
                .withMessageContaining("software.amazon.awssdk:aws-crt-client");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> builder(Map.of("TRAILKIT_HTTP_CLIENT", "apache")).build())
                .withMessageContaining("software.amazon.awssdk:apache-client");
    }

    @Test
    void anUnknownNameIsNamed() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> builder(Map.of("TRAILKIT_HTTP_CLIENT", "netty")).build())
                .withMessage("TRAILKIT_HTTP_CLIENT must be url-connection, crt, apache or apache5, found \"netty\"");
    }
}
