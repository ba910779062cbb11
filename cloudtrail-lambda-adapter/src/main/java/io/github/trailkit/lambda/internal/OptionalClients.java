package io.github.trailkit.lambda.internal;

/**
 * The SDK clients a function needs only for some features: the adapter declares them optional, so a function that
 * uses such a feature must add the client itself, and is told so when it starts rather than by a
 * {@code NoClassDefFoundError} at its first finding.
 */
public final class OptionalClients {
    /** The EventBridge client: the EventBridge sink. */
    public static final String[] EVENTBRIDGE = {
        "software.amazon.awssdk.services.eventbridge.EventBridgeClient", "software.amazon.awssdk:eventbridge"
    };
    /** The CloudTrail client: digest verification that fetches CloudTrail's public keys. */
    public static final String[] CLOUDTRAIL = {
        "software.amazon.awssdk.services.cloudtrail.CloudTrailClient", "software.amazon.awssdk:cloudtrail"
    };

    private OptionalClients() {}

    /** Whether the client named by {@code client} ({@link #EVENTBRIDGE}, {@link #CLOUDTRAIL}) is on the class path. */
    public static boolean present(String[] client) {
        try {
            Class.forName(client[0], false, OptionalClients.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Fails with what to add when {@code client} is missing and {@code feature} needs it. */
    public static void require(String[] client, String feature) {
        if (!present(client)) {
            throw new IllegalStateException(feature + " needs the AWS SDK client " + client[1] + ", which is not on the"
                    + " class path: add the dependency " + client[1] + " (its version comes from trailkit-bom or the"
                    + " AWS SDK BOM) to the function's package");
        }
    }
}
