package io.github.trailkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.trailkit.lambda.FindingSink;
import io.github.trailkit.lambda.TrailkitHandler;
import io.github.trailkit.model.SafeText;
import io.github.trailkit.rules.Finding;
import io.github.trailkit.rules.RuleSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * {@code cloudtrail invoke [--rules FILE]... [--pack NAME]... [--endpoint-url URL] EVENT_FILE...}: runs the real
 * Lambda handler once per file on a Lambda event saved as JSON (as {@code sam local invoke} does), and prints each
 * finding as one JSON line, in the format of {@code scan}. The handler's answer and its log lines go to stderr.
 */
@Command(
        name = "invoke",
        description = {
            "Runs the trailkit Lambda handler on Lambda events saved as JSON files, once per file, with the rules"
                    + " given, and prints every finding as one JSON line, as scan does. Any trigger the handler takes:"
                    + " S3, SQS, SNS, EventBridge, Kinesis, CloudWatch Logs, S3 Batch Operations.",
            "The handler's answer (such as batchItemFailures) and its log lines go to stderr. Log files named by S3"
                    + " shapes are read from S3, or from --endpoint-url (path-style requests)."
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  every invocation succeeded",
            "  1  an invocation threw or answered with failed items; invalid rules",
            "  2  a usage error: unknown option or pack, no rules, file not found, bad URL"
        })
final class InvokeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description = "a rule document (YAML or JSON, EventBridge patterns) or a Sigma rule, or a directory of"
                    + " them (every .yml, .yaml and .json file below it); repeat for more")
    private List<Path> ruleFiles = new ArrayList<>();

    @Option(names = "--pack", paramLabel = "NAME", description = "a built-in rule pack; repeat for more")
    private List<String> packs = new ArrayList<>();

    @Option(
            names = "--endpoint-url",
            paramLabel = "URL",
            description = "read S3 objects from this S3-compatible endpoint (path-style), such as"
                    + " http://127.0.0.1:9000; credentials from the environment or profile, else anonymous")
    private String endpointUrl;

    @Parameters(arity = "1..*", paramLabel = "EVENT_FILE", description = "Lambda events saved as JSON")
    private List<Path> events;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!RuleFiles.checkNamed("invoke", ruleFiles, packs, err)) {
            return CloudTrailCommand.USAGE;
        }
        URI endpoint = null;
        if (endpointUrl != null) {
            endpoint = endpoint(endpointUrl);
            if (endpoint == null) {
                err.println(SafeText.escape(
                        "cloudtrail invoke: --endpoint-url \"" + endpointUrl + "\" is not an http or https URL"));
                return CloudTrailCommand.USAGE;
            }
        }
        boolean rulesExist = LogFiles.allExist(ruleFiles, err);
        if (!LogFiles.allExist(events, err) || !rulesExist) {
            return CloudTrailCommand.USAGE;
        }
        RuleSet rules = RuleFiles.ruleSet(ruleFiles, packs, err);
        if (rules == null) {
            return CloudTrailCommand.PROBLEM;
        }

        FindingSink printer = new FindingSink() {
            @Override
            public void send(List<Finding> findings) {
                for (Finding f : findings) {
                    out.println(SafeText.escape(f.toJson(false)));
                }
                out.flush();
            }

            @Override
            public String name() {
                return "stdout";
            }
        };
        ByteArrayOutputStream handlerLog = new ByteArrayOutputStream();
        int failed = 0;
        try (S3Client s3 = s3(endpoint);
                PrintStream logTo = new PrintStream(handlerLog, true, StandardCharsets.UTF_8)) {
            TrailkitHandler handler = TrailkitHandler.builder()
                    .rules(rules)
                    .s3(s3)
                    .sink(printer)
                    .logTo(logTo)
                    .build();
            drain(handlerLog, err);
            for (Path file : events) {
                if (!invoke(handler, file, handlerLog, err)) {
                    failed++;
                }
            }
        }
        out.flush();
        err.println(SafeText.escape("cloudtrail invoke: " + events.size()
                + (events.size() == 1 ? " invocation, " : " invocations, ") + failed + " failed"));
        return failed == 0 ? CloudTrailCommand.OK : CloudTrailCommand.PROBLEM;
    }

    /** One invocation; true when it succeeded and named no failed item. */
    private boolean invoke(TrailkitHandler handler, Path file, ByteArrayOutputStream handlerLog, PrintWriter err) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(file)) {
            handler.handleRequest(in, answer, null);
        } catch (IOException | RuntimeException e) {
            drain(handlerLog, err);
            err.println(SafeText.escape(file + ": invocation failed: " + CloudTrailCommand.describe(e)));
            return false;
        }
        drain(handlerLog, err);
        String response = answer.toString(StandardCharsets.UTF_8).strip();
        err.println(SafeText.escape(file + ": " + response));
        return !failedItems(response);
    }

    /** Whether the answer names failed items: SQS or Kinesis batchItemFailures, Batch Operations results not Succeeded. */
    private static boolean failedItems(String response) {
        try {
            JsonNode tree = JSON.readTree(response);
            if (tree == null) {
                return false;
            }
            if (tree.path("batchItemFailures").size() > 0) {
                return true;
            }
            for (JsonNode result : tree.path("results")) {
                if (!"Succeeded".equals(result.path("resultCode").asText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies what the handler logged so far to stderr. */
    private static void drain(ByteArrayOutputStream log, PrintWriter err) {
        if (log.size() > 0) {
            err.print(log.toString(StandardCharsets.UTF_8));
            err.flush();
            log.reset();
        }
    }

    private static URI endpoint(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * An S3 client as the handler's default one (the URLConnection HTTP client), in the Region the environment names
     * or us-east-1. Against an endpoint: path-style, with credentials from the environment, system properties or the
     * profile file, else anonymous (an S3-compatible store on this machine often needs none); against AWS: the
     * default credential chain.
     */
    private static S3Client s3(URI endpoint) {
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(region());
        if (endpoint != null) {
            AwsCredentialsProvider credentials = AwsCredentialsProviderChain.builder()
                    .credentialsProviders(
                            EnvironmentVariableCredentialsProvider.create(),
                            SystemPropertyCredentialsProvider.create(),
                            ProfileCredentialsProvider.create(),
                            AnonymousCredentialsProvider.create())
                    .build();
            b.endpointOverride(endpoint).forcePathStyle(true).credentialsProvider(credentials);
        } else {
            b.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return b.build();
    }

    private static Region region() {
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            return Region.US_EAST_1;
        }
    }
}
