package io.github.trailkit.lambda.internal.ops;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The SDK HTTP client the handler's own AWS clients are built with, chosen by {@code TRAILKIT_HTTP_CLIENT}:
 * {@code url-connection} (the default: JDK classes only, the cheapest cold start), {@code crt} (the AWS CRT client,
 * artifact {@code software.amazon.awssdk:aws-crt-client}), {@code apache} ({@code apache-client}) or {@code apache5}
 * ({@code apache5-client}). The CRT and Apache clients are not dependencies of trailkit: the function brings the one it
 * names, and a name whose client is not on the class path stops the function at start with the artifact to add.
 */
public final class HttpClients {
    private HttpClients() {}

    /** The variable. */
    public static final String VARIABLE = "TRAILKIT_HTTP_CLIENT";

    /**
     * The HTTP client builder a name asks for.
     *
     * @param name {@code url-connection}, {@code crt}, {@code apache} or {@code apache5}; null or blank for the default
     * @param where where the name came from, for errors (such as the variable's name)
     * @throws IllegalArgumentException for an unknown name, or a client that is not on the class path
     */
    public static SdkHttpClient.Builder<?> builder(String name, String where) {
        String n =
                name == null || name.isBlank() ? "url-connection" : name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "url-connection", "urlconnection" -> UrlConnectionHttpClient.builder();
            case "crt" -> load("software.amazon.awssdk.http.crt.AwsCrtHttpClient", "aws-crt-client", where, n);
            case "apache" -> load("software.amazon.awssdk.http.apache.ApacheHttpClient", "apache-client", where, n);
            case "apache5" -> load("software.amazon.awssdk.http.apache5.Apache5HttpClient", "apache5-client", where, n);
            default ->
                throw new IllegalArgumentException(
                        where + " must be url-connection, crt, apache or apache5, " + "found \"" + name + "\"");
        };
    }

    /** {@return the name {@link #builder} understands for a builder given in code, for the log} */
    public static String nameOf(SdkHttpClient.Builder<?> builder) {
        String type = builder.getClass().getName();
        if (type.contains(".urlconnection.")) {
            return "url-connection";
        } else if (type.contains(".crt.")) {
            return "crt";
        } else if (type.contains(".apache5.")) {
            return "apache5";
        } else if (type.contains(".apache.")) {
            return "apache";
        }
        return type;
    }

    private static SdkHttpClient.Builder<?> load(String type, String artifact, String where, String name) {
        Class<?> client;
        try {
            client = Class.forName(type, false, HttpClients.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(where + "=" + name + ", but " + type + " is not on the class path: add "
                    + "the dependency software.amazon.awssdk:" + artifact + " (the SDK's version) to the function");
        }
        try {
            return (SdkHttpClient.Builder<?>) client.getMethod("builder").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException | ClassCastException e) {
            throw new IllegalArgumentException(where + "=" + name + ": cannot build " + type + ": " + e, e);
        }
    }

    /** The builder the environment asks for. */
    public static SdkHttpClient.Builder<?> fromEnvironment(Map<String, String> env) {
        return builder(env.get(VARIABLE), VARIABLE);
    }
}
