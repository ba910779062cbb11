package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.trailkit.model.internal.InflateAhead;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Reading a gzip log with its inflation on another thread ({@link CloudTrailReader#inflateOn}) gives what reading it on
 * one thread gives: the same records in order, problems, warnings and exceptions (type, message, offsets), on the
 * reference logs and on damaged, truncated and hostile gzip; closing a log midway ends its task.
 */
final class InflateAheadTest {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "inflate-ahead-test");
        t.setDaemon(true);
        return t;
    });
    private static final AtomicInteger TASKS = new AtomicInteger();
    private static final java.util.concurrent.Executor COUNTED = r -> {
        TASKS.incrementAndGet();
        POOL.execute(r);
    };
    private static final byte[] GENERATED = gzip(readAll(GeneratedLog.records(3000, 23)));

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** Everything a read gives that a user can see. */
    record Outcome(List<String> records, List<String> problems, List<String> warnings, String error) {}

    private static Outcome read(CloudTrailReader reader, Supplier<InputStream> input, String name) {
        List<String> records = new ArrayList<>();
        String error = null;
        CloudTrailWriter writer = CloudTrail.writer();
        try (CloudTrailLog log = reader.read(input.get(), name)) {
            try {
                for (CloudTrailRecord r : log) {
                    records.add(writer.toJson(r));
                }
            } catch (RuntimeException e) {
                error = describe(e);
            }
            return new Outcome(
                    records,
                    log.problems().stream().map(Object::toString).toList(),
                    log.warnings().stream().map(Object::toString).toList(),
                    error);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            s.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" <- ");
            if (t instanceof CloudTrailParseException p) {
                s.append("index ").append(p.recordIndex()).append(" offset ").append(p.byteOffset());
            }
        }
        return s.toString();
    }

    private static void assertSameAsOneThread(Supplier<InputStream> input, String name) {
        for (ProblemPolicy policy : ProblemPolicy.values()) {
            CloudTrailReader reader = CloudTrail.reader().onProblem(policy);
            Outcome one = read(reader.inflateOn(Runnable::run), input, name);
            Outcome two = read(reader.inflateOn(COUNTED), input, name);
            String as = name + " with " + policy;
            assertThat(two.error()).as(as).isEqualTo(one.error());
            assertThat(two.problems()).as(as).isEqualTo(one.problems());
            assertThat(two.warnings()).as(as).isEqualTo(one.warnings());
            assertThat(two.records().size()).as(as).isEqualTo(one.records().size());
            assertThat(two.records().equals(one.records())).as(as).isTrue();
        }
    }

    @Test
    void referenceLogs_readOnTwoThreads_asOnOne() throws IOException {
        int before = TASKS.get();
        List<Path> logs = new ArrayList<>(Samples.realLogs());
        for (Path p : logs) {
            assertSameAsOneThread(() -> open(p), p.getFileName().toString());
        }
        for (Path p : Samples.validRecordSamples()) {
            byte[] gz = gzip(Files.readAllBytes(p));
            assertSameAsOneThread(
                    () -> new ByteArrayInputStream(gz), p.getFileName().toString());
        }
        assertSameAsOneThread(() -> new ByteArrayInputStream(GENERATED), "generated.json.gz");
        assertThat(logs).isNotEmpty();
        // one task per gzip log read on two threads: the inflation did move to the pool
        assertThat(TASKS.get() - before)
                .isEqualTo(2 * (logs.size() + Samples.validRecordSamples().size() + 1));
    }

    @Test
    void badLogs_readOnTwoThreads_asOnOne() throws IOException {
        for (Path p : Samples.list("bad-logs")) {
            byte[] bytes = Files.readAllBytes(p);
            assertSameAsOneThread(
                    () -> new ByteArrayInputStream(bytes), p.getFileName().toString());
            byte[] gz = gzip(bytes);
            assertSameAsOneThread(() -> new ByteArrayInputStream(gz), p.getFileName() + ".gz");
        }
    }

    @Test
    void truncatedGzip_sameRecordsAndSameError() {
        for (int cut : new int[] {
            1,
            2,
            9,
            10,
            11,
            100,
            5000,
            70_000,
            140_000,
            GENERATED.length / 2,
            GENERATED.length - 9,
            GENERATED.length - 8,
            GENERATED.length - 1
        }) {
            byte[] part = Arrays.copyOf(GENERATED, cut);
            assertSameAsOneThread(() -> new ByteArrayInputStream(part), "cut-" + cut + ".json.gz");
            Outcome o = read(CloudTrail.reader().inflateOn(COUNTED), () -> new ByteArrayInputStream(part), "x");
            assertThat(o.error()).as("cut at " + cut).isNotNull();
        }
    }

    @Test
    void damagedGzip_sameRecordsAndSameError() {
        for (int at : new int[] {3, 20, 1000, 65_536, 100_000, GENERATED.length / 3, GENERATED.length - 6}) {
            byte[] bad = GENERATED.clone();
            bad[at] ^= 0x5a;
            assertSameAsOneThread(() -> new ByteArrayInputStream(bad), "flip-" + at + ".json.gz");
        }
        byte[] garbage = Arrays.copyOf(GENERATED, GENERATED.length + 3);
        garbage[GENERATED.length] = 'x';
        assertSameAsOneThread(() -> new ByteArrayInputStream(garbage), "trailing.json.gz");
        byte[] twoMembers = Arrays.copyOf(GENERATED, GENERATED.length * 2);
        System.arraycopy(GENERATED, 0, twoMembers, GENERATED.length, GENERATED.length);
        assertSameAsOneThread(() -> new ByteArrayInputStream(twoMembers), "two-members.json.gz");
    }

    @Test
    void gzipBomb_stopsAtTheSameLimit_withinOneBuffer() {
        byte[] bomb = HostileInputs.gzipBomb("{\"Records\":[{\"eventID\":\"1\"},", 64, "{\"eventID\":\"2\"}]}");
        for (ProblemPolicy policy : ProblemPolicy.values()) {
            CloudTrailReader reader = CloudTrail.reader().onProblem(policy);
            LimitExceededException one = bombError(reader.inflateOn(Runnable::run), bomb);
            LimitExceededException two = bombError(reader.inflateOn(COUNTED), bomb);
            // where the ratio is crossed is counted in the parser's reads, which the hand-off slices otherwise
            assertThat(two.limit()).isEqualTo(one.limit()).isEqualTo(ReadLimits.Limit.INFLATE_RATIO);
            assertThat(two.recordIndex()).isEqualTo(one.recordIndex());
            assertThat(two.byteOffset().orElseThrow())
                    .isBetween(
                            one.byteOffset().orElseThrow() - InflateAhead.CHUNK,
                            one.byteOffset().orElseThrow() + InflateAhead.CHUNK);
        }
    }

    private static LimitExceededException bombError(CloudTrailReader reader, byte[] bomb) {
        List<String> ids = new ArrayList<>();
        try (CloudTrailLog log = reader.read(bomb, "bomb.json.gz")) {
            Throwable e =
                    catchThrowable(() -> log.forEach(r -> ids.add(r.eventID().orElseThrow())));
            assertThat(ids).containsExactly("1");
            assertThat(log.problems()).isEmpty();
            return (LimitExceededException) e;
        }
    }

    @Test
    void anExceptionOfTheInput_surfacesOnTheParsingThread_typedAndWithItsOffset() {
        IOException broken = new IOException("connection reset");
        Supplier<InputStream> failing = () -> new FilterInputStream(new ByteArrayInputStream(GENERATED)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 200_000) {
                    throw broken;
                }
                int n = super.read(b, off, Math.min(len, 4096));
                read += Math.max(0, n);
                return n;
            }
        };
        assertSameAsOneThread(failing, "broken.json.gz");
        try (CloudTrailLog log = CloudTrail.reader().inflateOn(COUNTED).read(failing.get(), "broken.json.gz")) {
            Throwable e = catchThrowable(() -> log.forEach(r -> {}));
            assertThat(e).isExactlyInstanceOf(CloudTrailParseException.class);
            CloudTrailParseException p = (CloudTrailParseException) e;
            assertThat(p.getCause()).isSameAs(broken);
            assertThat(p.byteOffset()).isPresent();
            assertThat(p.getMessage()).startsWith("broken.json.gz: ").contains("connection reset");
        }
    }

    @Test
    void closingMidway_endsTheTask_andClosesTheInput() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            AtomicBoolean closed = new AtomicBoolean();
            InputStream in = new FilterInputStream(new ByteArrayInputStream(GENERATED)) {
                @Override
                public void close() throws IOException {
                    closed.set(true);
                    super.close();
                }
            };
            int seen = 0;
            try (CloudTrailLog log = CloudTrail.reader().inflateOn(one).read(in, "g.json.gz")) {
                for (CloudTrailRecord r : log) {
                    if (++seen == 10) {
                        break;
                    }
                }
            }
            assertThat(seen).isEqualTo(10);
            assertThat(closed).isTrue();
            // the pool's only thread is free again: the task ended with the close
            Future<String> next = one.submit(() -> "free");
            assertThat(next.get()).isEqualTo("free");
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void aSaturatedExecutor_orADirectOne_readsOnTheCallingThread() throws Exception {
        ExecutorService one = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try {
            one.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Outcome expected =
                    read(CloudTrail.reader().inflateOn(Runnable::run), () -> new ByteArrayInputStream(GENERATED), "g");
            Outcome busy = read(CloudTrail.reader().inflateOn(one), () -> new ByteArrayInputStream(GENERATED), "g");
            assertThat(busy).isEqualTo(expected);
            assertThat(expected.records()).hasSize(3000);
        } finally {
            release.countDown();
            one.shutdownNow();
        }
        InflateAhead direct = InflateAhead.over(new ByteArrayInputStream(new byte[] {1, 2}), () -> 0, Runnable::run);
        assertThat(direct.readAhead()).isFalse();
        assertThat(direct.read()).isEqualTo(1);
        direct.close();
    }

    @Test
    void theStream_deliversEveryByteInOrder_inBoundedBuffers() throws IOException {
        byte[] data = new byte[InflateAhead.CHUNK * 9 + 123];
        new java.util.Random(5).nextBytes(data);
        try (InflateAhead in = InflateAhead.over(new ByteArrayInputStream(data), () -> 0, POOL)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] b = new byte[7919];
            int n;
            while ((n = in.read(b, 0, b.length)) >= 0) {
                out.write(b, 0, n);
            }
            assertThat(out.toByteArray()).isEqualTo(data);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    private static InputStream open(Path p) {
        try {
            return Files.newInputStream(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
