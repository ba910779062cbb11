package io.github.trailkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Run in a fresh JVM by {@link Report}: the baseline of the handler's cold start, a bare function that builds the same
 * S3 client as {@link HandlerColdStart} ({@link ColdStartClients}), GETs the same object and counts its bytes. It is
 * the part of a cold start that any Java function reading S3 pays; the handler's row is compared with it.
 *
 * <p>Prints {@code bare-get} with: milliseconds from just before building the client to the last byte read;
 * milliseconds from the JVM's start to it; milliseconds from the JVM's start to the start of the clock; the bytes read;
 * the process's CPU milliseconds (all threads) at the last byte.
 *
 * <pre>
 * java -cp function.jar:bench-app.jar io.github.trailkit.benchmarks.BareS3ColdStart ENDPOINT BUCKET KEY [HTTP-CLIENT]
 * </pre>
 */
public final class BareS3ColdStart {
    private BareS3ColdStart() {}

    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        long startMillis = System.currentTimeMillis();
        S3Client s3 = ColdStartClients.s3(
                URI.create(args[0]),
                ColdStartClients.http(args.length > 3 ? args[3] : ColdStartClients.URL_CONNECTION));
        long bytes = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = s3.getObject(b -> b.bucket(args[1]).key(args[2]))) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes += n;
            }
        }
        long endNanos = System.nanoTime();
        long endMillis = System.currentTimeMillis();
        long cpu = HandlerColdStart.processCpuMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(String.format(
                Locale.ROOT,
                "bare-get %d %d %d %d %d",
                (endNanos - start) / 1_000_000L,
                endMillis - jvmStart,
                startMillis - jvmStart,
                bytes,
                cpu));
    }
}
