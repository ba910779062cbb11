package io.github.trailkit.model.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Reads a stream ahead on another thread: a task on an {@link Executor} reads {@code source} (the inflating gzip
 * stream) into a few buffers of {@link #CHUNK} bytes while the thread that reads this stream parses what was read
 * before. The bytes, their order and the end of the stream are the source's; an exception of the source is thrown by
 * the read that has no byte left before it, the same instance, so damaged gzip is reported as it would be without the
 * second thread. Memory is bounded: at most {@link #CHUNKS} buffers.
 *
 * <p>The source is read by one thread at a time: by the task until it ends (at the source's end, at its exception,
 * or when this stream is closed), then, in {@link #close()}, closed by the reading thread. {@link #close()} waits for
 * the task to end, which is at most the source read under way, so no task outlives the stream.
 *
 * <p>When the executor runs the task on the calling thread (a direct executor such as {@code Runnable::run}), rejects
 * it, or has not started it when the reading thread first waits for {@link #START_WAIT_MILLIS} milliseconds (a
 * saturated pool), the reading thread reads the source itself: one thread, as without this class. That keeps a pool
 * that runs both readers and their tasks from dead-locking.
 */
public final class InflateAhead extends BlockInputStream {
    /** The size of one buffer handed from the inflating thread to the parsing one. */
    public static final int CHUNK = 1 << 16;
    /** How many buffers at most are filled or being filled at once. */
    public static final int CHUNKS = 4;
    /** How long the reading thread waits for the task to start before it reads the source itself. */
    static final long START_WAIT_MILLIS = 20;

    private final InputStream source;
    private final LongSupplier upstreamCount;
    private final Thread owner = Thread.currentThread();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition filledOrEnded = lock.newCondition();
    private final Condition freeOrClosed = lock.newCondition();
    private final Condition taskEnded = lock.newCondition();
    // guarded by lock
    private final ArrayDeque<Chunk> filled = new ArrayDeque<>(CHUNKS);
    private final ArrayDeque<byte[]> free = new ArrayDeque<>(CHUNKS);
    private int allocated;
    private boolean claimed;
    private boolean running;
    private boolean sourceEnded;
    private Throwable failure;
    private boolean closing;

    // the reading thread's own
    /** The reading thread reads the source itself: the task never ran the source. */
    private boolean inline;

    private Chunk current;
    private int pos;
    private long upstreamSeen;
    private boolean closed;

    private record Chunk(byte[] data, int length, long upstream) {}

    private InflateAhead(InputStream source, LongSupplier upstreamCount) {
        this.source = source;
        this.upstreamCount = upstreamCount;
    }

    /**
     * {@code source} read ahead on {@code executor}; {@code upstreamCount} (read on the executor's thread, after each
     * read of the source) is what {@link #upstreamCount()} returns for the bytes it produced, such as the compressed
     * bytes consumed to inflate them. With a null executor, {@code source} read on the calling thread.
     */
    public static InflateAhead over(InputStream source, LongSupplier upstreamCount, Executor executor) {
        InflateAhead s = new InflateAhead(Objects.requireNonNull(source), Objects.requireNonNull(upstreamCount));
        if (executor == null) {
            s.inline = true;
            s.claimed = true;
            return s;
        }
        try {
            executor.execute(s::run);
        } catch (RejectedExecutionException e) {
            s.claimInline();
        }
        return s;
    }

    /**
     * The executor a reader uses when its user gives none: with more than one processor, a shared pool of daemon
     * threads that end after 30 seconds idle; with one, none (null: one thread reads and parses).
     */
    public static Executor automatic() {
        return Runtime.getRuntime().availableProcessors() > 1 ? SharedPool.POOL : null;
    }

    private static final class SharedPool {
        private static final AtomicInteger THREADS = new AtomicInteger();
        static final Executor POOL =
                new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "trailkit-inflate-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** The upstream count after the source produced the bytes read last. */
    public long upstreamCount() {
        return inline ? upstreamCount.getAsLong() : upstreamSeen;
    }

    /** Whether the source is read on another thread (false when it is read on the calling one). */
    public boolean readAhead() {
        lock.lock();
        try {
            return !inline && claimed;
        } finally {
            lock.unlock();
        }
    }

    // ---- the task

    private void run() {
        lock.lock();
        try {
            if (Thread.currentThread() == owner) { // a direct executor: the caller reads the source itself
                claimed = true;
                inline = true;
                return;
            }
            if (claimed || closing) {
                claimed = true;
                return;
            }
            claimed = true;
            running = true;
        } finally {
            lock.unlock();
        }
        try {
            produce();
        } finally {
            lock.lock();
            try {
                running = false;
                taskEnded.signalAll();
                filledOrEnded.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void produce() {
        while (true) {
            byte[] buf;
            lock.lock();
            try {
                while (free.isEmpty() && allocated == CHUNKS && !closing) {
                    freeOrClosed.await();
                }
                if (closing) {
                    return;
                }
                if (free.isEmpty()) {
                    allocated++;
                    buf = new byte[CHUNK];
                } else {
                    buf = free.poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                end(0, null, new InterruptedIOException("the inflating thread was interrupted"));
                return;
            } finally {
                lock.unlock();
            }
            int length = 0;
            Throwable thrown = null;
            boolean end = false;
            try {
                while (length < CHUNK) {
                    int n = source.read(buf, length, CHUNK - length);
                    if (n < 0) {
                        end = true;
                        break;
                    }
                    length += n;
                    if (closingNow()) {
                        break;
                    }
                }
            } catch (Throwable t) {
                thrown = t;
            }
            long upstream = upstreamCount.getAsLong();
            if (thrown != null || end) {
                end(length, buf, thrown, upstream);
                return;
            }
            lock.lock();
            try {
                filled.add(new Chunk(buf, length, upstream));
                filledOrEnded.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean closingNow() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
    }

    private void end(int length, byte[] buf, Throwable thrown) {
        end(length, buf, thrown, upstreamCount.getAsLong());
    }

    private void end(int length, byte[] buf, Throwable thrown, long upstream) {
        lock.lock();
        try {
            if (length > 0) {
                filled.add(new Chunk(buf, length, upstream));
            }
            sourceEnded = true;
            failure = thrown;
            filledOrEnded.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- the reading thread

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (len == 0) {
            return 0;
        }
        if (inline) {
            return source.read(b, off, len);
        }
        while (current == null || pos == current.length) {
            if (!next()) {
                if (inline) {
                    return source.read(b, off, len);
                }
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current.data, pos, b, off, n);
        pos += n;
        return n;
    }

    /** Moves to the next filled chunk; false at the end of the source, or when this thread is to read it itself. */
    private boolean next() throws IOException {
        lock.lock();
        try {
            if (current != null) {
                free.add(current.data);
                current = null;
                freeOrClosed.signal();
            }
            while (filled.isEmpty() && !sourceEnded) {
                if (!claimed) {
                    if (!filledOrEnded.await(START_WAIT_MILLIS, TimeUnit.MILLISECONDS) && !claimed) {
                        claimed = true; // a saturated executor: read on this thread
                        inline = true;
                        return false;
                    }
                } else if (inline) {
                    return false;
                } else {
                    filledOrEnded.await();
                }
            }
            if (!filled.isEmpty()) {
                current = filled.poll();
                pos = 0;
                upstreamSeen = current.upstream;
                return true;
            }
            if (failure != null) {
                throw rethrown(failure);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for inflated data");
        } finally {
            lock.unlock();
        }
    }

    private void claimInline() {
        lock.lock();
        try {
            claimed = true;
            inline = true;
        } finally {
            lock.unlock();
        }
    }

    private static IOException rethrown(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof UncheckedIOException u) {
            throw u;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }

    /** Nothing is promised without blocking. */
    @Override
    public int available() {
        return 0;
    }

    /** Stops the task (waiting for the source read under way, if any), then closes the source on this thread. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        boolean interrupted = false;
        lock.lock();
        try {
            closing = true;
            claimed = true; // a task that has not started never will
            freeOrClosed.signalAll();
            while (running) {
                try {
                    taskEnded.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            filled.clear();
            free.clear();
            current = null;
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
