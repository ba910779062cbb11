package io.github.trailkit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader streams: a log far larger than the heap is read record by record in constant memory.
 *
 * <p>Tagged {@code small-heap}: the module's surefire configuration runs this class alone in a JVM with
 * {@code -Xmx48m} (and keeps it out of the default run), so keeping even 2% of a 1 GiB log would end in an
 * {@link OutOfMemoryError}. The logs are generated on the fly ({@link GeneratedLog}), so the producing side costs no
 * memory either, and the heap left after a full collection is sampled as the log is read to show that it stays flat.
 */
@Tag("small-heap")
final class LargeLogStreamingTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    /** The retained heap may vary by a little (class loading, JIT, buffers sized once), never by the log's size. */
    private static final long ALLOWED_HEAP_GROWTH = 8 * MIB;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void oneGibibyteOfPlainJson_isReadRecordByRecordInASmallHeap() {
        assertThat(Runtime.getRuntime().maxMemory())
                .as(
                        "this test must run with a small heap (-Xmx48m, see the small-heap execution in cloudtrail-model/pom.xml)")
                .isLessThan(64 * MIB);

        GeneratedLog in = GeneratedLog.ofAtLeastBytes(GIB, 1);
        List<Long> retained = new ArrayList<>();
        long count = 0;
        Instant previous = Instant.EPOCH;
        long started = System.nanoTime();
        try (CloudTrailLog log = CloudTrail.reader().read(in, "generated-1GiB")) {
            for (CloudTrailRecord r : log) {
                if (count % 100_000 == 0) {
                    assertThat(r.eventSource())
                            .as("record %d eventSource", count)
                            .isPresent();
                    assertThat(r.eventName()).as("record %d eventName", count).isPresent();
                    assertThat(r.eventTime()).as("record %d eventTime", count).isPresent();
                    assertThat(r.eventTime().get())
                            .as("record %d eventTime", count)
                            .isAfterOrEqualTo(previous);
                    previous = r.eventTime().get();
                    assertThat(r.userIdentity().flatMap(UserIdentity::type))
                            .as("record %d identity", count)
                            .isPresent();
                    assertThat(r.eventCategory())
                            .as("record %d eventCategory", count)
                            .isPresent();
                    assertThat(r.eventID()).as("record %d eventID", count).isPresent();
                    retained.add(retainedHeap());
                }
                count++;
            }
            assertThat(log.problems()).isEmpty();
            assertThat(log.recordsRead()).isEqualTo(count);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        retained.add(retainedHeap());

        assertThat(in.fullyRead())
                .as("the reader read the generated log to its end")
                .isTrue();
        assertThat(count).isEqualTo(in.recordCount());
        assertThat(in.bytesProduced()).isGreaterThanOrEqualTo(GIB);
        assertThat(retained).hasSizeGreaterThan(5);
        long first = retained.get(0);
        long max = retained.stream().mapToLong(Long::longValue).max().orElseThrow();
        System.out.printf(
                "LargeLogStreamingTest: %,d records, %,d bytes of JSON in %,d ms (%.0f MiB/s);"
                        + " max heap %,d KiB; retained heap after GC every 100,000 records (KiB): %s; %s%n",
                count,
                in.bytesProduced(),
                millis,
                in.bytesProduced() / (double) MIB / (millis / 1000.0),
                Runtime.getRuntime().maxMemory() / 1024,
                kib(retained),
                peakHeap());
        assertThat(max - first)
                .as("retained heap grows with the log: %s KiB", kib(retained))
                .isLessThan(ALLOWED_HEAP_GROWTH);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void sixtyFourMebibytesGzippedOnTheFly_areStreamedToo() throws Exception {
        GeneratedLog json = GeneratedLog.ofAtLeastBytes(64 * MIB, 2);
        PipedInputStream pipe = new PipedInputStream(1 << 16);
        CountingFlushingOutputStream compressed = new CountingFlushingOutputStream(new PipedOutputStream(pipe));
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        Thread producer = new Thread(
                () -> {
                    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 1 << 16)) {
                        json.transferTo(gzip);
                    } catch (Throwable t) {
                        producerFailure.set(t);
                    }
                },
                "gzip-producer");
        producer.setDaemon(true);

        long count = 0;
        long started = System.nanoTime();
        producer.start();
        try (CloudTrailLog log = CloudTrail.reader().read(pipe, "generated-64MiB.json.gz")) {
            for (CloudTrailRecord r : log) {
                if (count % 10_000 == 0) {
                    assertThat(r.eventSource())
                            .as("record %d eventSource", count)
                            .isPresent();
                    assertThat(r.eventTime()).as("record %d eventTime", count).isPresent();
                }
                count++;
            }
            assertThat(log.problems()).isEmpty();
        } finally {
            producer.join(TimeUnit.SECONDS.toMillis(30));
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(producer.isAlive()).isFalse();
        assertThat(producerFailure.get()).isNull();
        // the join orders the producer's writes before these reads
        assertThat(json.fullyRead()).isTrue();
        assertThat(count).isEqualTo(json.recordCount());
        assertThat(json.bytesProduced()).isGreaterThanOrEqualTo(64 * MIB);
        assertThat(compressed.count).isPositive().isLessThan(json.bytesProduced() / 2);
        System.out.printf(
                "LargeLogStreamingTest: %,d records, %,d bytes of JSON as %,d bytes of gzip in %,d ms; %s%n",
                count, json.bytesProduced(), compressed.count, millis, peakHeap());
    }

    /** The heap in use after a full collection: what the reader keeps, not what it has yet to collect. */
    private static long retainedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String kib(List<Long> bytes) {
        StringBuilder s = new StringBuilder("[");
        for (long b : bytes) {
            s.append(s.length() > 1 ? ", " : "").append(b / 1024);
        }
        return s.append(']').toString();
    }

    private static String peakHeap() {
        StringBuilder s = new StringBuilder("peak heap use by pool (KiB):");
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                s.append(' ')
                        .append(pool.getName())
                        .append('=')
                        .append(pool.getPeakUsage().getUsed() / 1024);
            }
        }
        return s.toString();
    }

    /**
     * Counts the compressed bytes and flushes the pipe after each write: a {@link PipedOutputStream} wakes a waiting
     * reader only on flush (or when its buffer is full), which would otherwise stall the reader for up to a second.
     */
    private static final class CountingFlushingOutputStream extends FilterOutputStream {
        volatile long count;

        CountingFlushingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            out.flush();
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            out.flush();
            count += len;
        }
    }
}
