package io.p4n4.clients.internal.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.influx.DroppedBatch;
import io.p4n4.api.clients.influx.OverflowPolicy;
import io.p4n4.api.clients.influx.Point;
import io.p4n4.api.clients.influx.WriteApi;
import io.p4n4.api.clients.influx.WriteListener;
import io.p4n4.api.clients.influx.WriteOptions;
import io.p4n4.api.clients.influx.WritePrecision;
import io.p4n4.api.clients.influx.WriteStats;
import io.p4n4.clients.internal.http.Backoff;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batching {@link WriteApi}: writers append serialized lines to the open batch under one lock;
 * one sender thread seals batches (when full or after the flush interval), sends them in order and
 * retries them. All state is guarded by {@link #lock}; listener calls happen outside it.
 */
public final class BatchingWriteApi implements WriteApi {
    private static final Logger LOG = LoggerFactory.getLogger(BatchingWriteApi.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    // per-thread scratch buffer: a point is serialized (and validated) before it touches shared state
    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(256));

    private final WriteOptions options;
    private final WriteTransport transport;
    private final WritePrecision precision;
    private final WriteListener listener;
    private final Runnable onClosed;
    private final Thread sender;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Condition progress = lock.newCondition();

    private StringBuilder open;
    private int openPoints;
    private long openSince;
    private final ArrayDeque<Batch> queue = new ArrayDeque<>();
    private Batch inFlight;
    private long nextSeq = 1;
    private long buffered;
    private boolean closing;
    private boolean aborted;
    private boolean closed;

    private long accepted;
    private long written;
    private long dropped;
    private long retries;

    /**
     * Starts the writer and its sender thread.
     *
     * @param onClosed run once after {@link #close()} (the client forgets the writer)
     */
    BatchingWriteApi(WriteOptions options, WriteTransport transport, Runnable onClosed) {
        this.options = options;
        this.transport = transport;
        this.precision = options.precision();
        this.listener = options.listener();
        this.onClosed = onClosed;
        this.open = newBuffer();
        this.sender = new Thread(this::sendLoop, "p4n4-influx-writer-" + THREADS.incrementAndGet());
        sender.setDaemon(true);
        sender.start();
    }

    private StringBuilder newBuffer() {
        return new StringBuilder(Math.min(options.batchSize(), 10_000) * 128);
    }

    @Override
    public void write(Point point) {
        lock.lock();
        try {
            // fast path: room in the buffer, so encode straight into the open batch (no extra copy)
            if (!closing && buffered < options.bufferLimit()) {
                int mark = open.length();
                try {
                    LineProtocolEncoder.append(open, point, precision);
                } catch (RuntimeException e) {
                    open.setLength(mark); // a point that cannot be written leaves no half line behind
                    throw e;
                }
                open.append('\n');
                accepted++;
                buffered++;
                if (openPoints++ == 0) {
                    openSince = System.nanoTime();
                    work.signal();
                }
                if (openPoints >= options.batchSize()) {
                    sealLocked();
                }
                return;
            }
        } finally {
            lock.unlock();
        }
        StringBuilder sb = SCRATCH.get();
        sb.setLength(0);
        LineProtocolEncoder.append(sb, point, precision);
        sb.append('\n');
        appendLines(sb, 1);
    }

    /**
     * Writes every point that can be encoded, then reports the ones that could not: one point
     * refused must not cost the others of its batch.
     */
    @Override
    public void write(Collection<Point> points) {
        Refusals refusals = new Refusals(points.size());
        int index = 0;
        for (Point p : points) {
            try {
                write(p);
            } catch (P4n4Exception e) {
                refusals.add(index, e);
            }
            index++;
        }
        refusals.throwIfAny();
    }

    @Override
    public void writeRecord(String line) {
        if (line == null || line.isBlank()) {
            return;
        }
        StringBuilder sb = SCRATCH.get();
        sb.setLength(0);
        sb.append(line);
        if (line.charAt(line.length() - 1) != '\n') {
            sb.append('\n');
        }
        appendLines(sb, 1);
    }

    @Override
    public void writeRecords(Collection<String> lines) {
        for (String line : lines) {
            writeRecord(line);
        }
    }

    private void appendLines(CharSequence lines, int points) {
        DroppedBatch overflow = null;
        lock.lock();
        try {
            if (closing) {
                throw new P4n4Exception(ErrorCode.USER, "influxdb write: the writer is closed; create a new one");
            }
            accepted += points;
            if (buffered + points > options.bufferLimit()) {
                OverflowPolicy policy = options.overflowPolicy();
                if (policy == OverflowPolicy.DROP_NEWEST) {
                    dropped += points;
                    overflow = new DroppedBatch(points, lines.toString(), DroppedBatch.Reason.OVERFLOW, null);
                } else if (policy == OverflowPolicy.DROP_OLDEST) {
                    overflow = dropOldest();
                } else {
                    try {
                        awaitRoom(points);
                    } catch (RuntimeException e) {
                        accepted -= points; // the caller gets the exception: the point was never taken
                        throw e;
                    }
                }
            }
            if (overflow == null || options.overflowPolicy() != OverflowPolicy.DROP_NEWEST) {
                if (openPoints == 0) {
                    openSince = System.nanoTime();
                    work.signal(); // the sender sleeps until there is something to time
                }
                open.append(lines);
                openPoints += points;
                buffered += points;
                if (openPoints >= options.batchSize()) {
                    sealLocked();
                }
            }
        } finally {
            lock.unlock();
        }
        if (overflow != null) {
            notifyDropped(overflow);
        }
    }

    private void awaitRoom(int points) {
        long remaining = options.blockTimeout().toNanos();
        try {
            while (buffered + points > options.bufferLimit() && !closing) {
                if (remaining <= 0) {
                    throw new P4n4Exception(ErrorCode.NETWORK, "influxdb write: the buffer of "
                            + options.bufferLimit() + " points stayed full for " + options.blockTimeout()
                            + " because InfluxDB is not accepting writes fast enough (or is unreachable);"
                            + " check the server, or choose OverflowPolicy.DROP_OLDEST/DROP_NEWEST");
                }
                remaining = notFull.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new P4n4Exception(ErrorCode.GENERAL, "influxdb write: interrupted while waiting for buffer room", e);
        }
        if (closing) {
            throw new P4n4Exception(ErrorCode.USER, "influxdb write: the writer was closed while waiting for room");
        }
    }

    // called with the lock held and the buffer full: the oldest batch not yet in flight goes
    private DroppedBatch dropOldest() {
        Batch victim = queue.pollFirst();
        if (victim == null && openPoints > 0) {
            victim = new Batch(0, openPoints, open.toString());
            open = newBuffer();
            openPoints = 0;
        }
        if (victim == null) {
            return null; // only the batch in flight holds points; let this one through
        }
        buffered -= victim.points();
        dropped += victim.points();
        progress.signalAll();
        return new DroppedBatch(victim.points(), victim.body(), DroppedBatch.Reason.OVERFLOW, null);
    }

    private void sealLocked() {
        if (openPoints == 0) {
            return;
        }
        queue.addLast(new Batch(nextSeq++, openPoints, open.toString()));
        open = newBuffer();
        openPoints = 0;
        work.signal();
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            sealLocked();
            long target = nextSeq - 1;
            while (pendingUpTo(target) && !aborted) {
                progress.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new P4n4Exception(ErrorCode.GENERAL, "influxdb write: interrupted while flushing", e);
        } finally {
            lock.unlock();
        }
    }

    private boolean pendingUpTo(long seq) {
        Batch head = queue.peekFirst();
        return (inFlight != null && inFlight.seq() <= seq) || (head != null && head.seq() <= seq);
    }

    @Override
    public WriteStats stats() {
        lock.lock();
        try {
            return new WriteStats(accepted, written, dropped, retries, buffered);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            sealLocked();
            work.signalAll();
            notFull.signalAll();
            long remaining = options.closeTimeout().toNanos();
            while ((inFlight != null || !queue.isEmpty()) && remaining > 0) {
                remaining = progress.awaitNanos(remaining);
            }
            if (inFlight != null || !queue.isEmpty()) {
                LOG.warn("influxdb writer: close timed out after {} with {} points unsent; reporting them dropped",
                        options.closeTimeout(), buffered);
                aborted = true;
                work.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            aborted = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        transportAbortIfNeeded();
        try {
            sender.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClosed.run();
    }

    private void transportAbortIfNeeded() {
        lock.lock();
        boolean abort;
        try {
            abort = aborted;
        } finally {
            lock.unlock();
        }
        if (abort) {
            transport.abort();
        }
    }

    // ---- sender thread ----

    private void sendLoop() {
        while (true) {
            Batch batch;
            List<Batch> abandoned = null;
            lock.lock();
            try {
                batch = nextBatchLocked();
                if (batch == null) {
                    if (aborted) {
                        abandoned = abandonLocked();
                    }
                } else {
                    inFlight = batch;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            if (batch == null) {
                if (abandoned != null) {
                    abandoned.forEach(b -> notifyDropped(new DroppedBatch(b.points(), b.body(),
                            DroppedBatch.Reason.CLOSED, null)));
                }
                return;
            }
            DroppedBatch failure = sendWithRetries(batch);
            lock.lock();
            try {
                inFlight = null;
                buffered -= batch.points();
                if (failure == null) {
                    written += batch.points();
                } else {
                    dropped += batch.points();
                }
                notFull.signalAll();
                progress.signalAll();
            } finally {
                lock.unlock();
            }
            if (failure == null) {
                notifyWritten(batch.points());
            } else {
                notifyDropped(failure);
            }
        }
    }

    /** Waits for the next batch to send; {@code null} when the writer is done (drained or aborted). */
    private Batch nextBatchLocked() throws InterruptedException {
        long flushNanos = options.flushInterval().toNanos();
        while (true) {
            if (aborted) {
                return null;
            }
            Batch head = queue.pollFirst();
            if (head != null) {
                return head;
            }
            if (openPoints > 0) {
                long wait = openSince + flushNanos - System.nanoTime();
                if (closing || wait <= 0) {
                    sealLocked();
                    continue;
                }
                work.awaitNanos(wait);
            } else if (closing) {
                return null;
            } else {
                work.await();
            }
        }
    }

    private List<Batch> abandonLocked() {
        List<Batch> out = new ArrayList<>(queue);
        queue.clear();
        if (openPoints > 0) {
            out.add(new Batch(0, openPoints, open.toString()));
            openPoints = 0;
            open = newBuffer();
        }
        for (Batch b : out) {
            buffered -= b.points();
            dropped += b.points();
        }
        progress.signalAll();
        return out;
    }

    /** Sends one batch until it is written (returns {@code null}) or given up on (returns why). */
    private DroppedBatch sendWithRetries(Batch batch) {
        RetryPolicy policy = options.retryPolicy();
        long deadline = System.nanoTime() + options.maxRetryTime().toNanos();
        int attempt = 0;
        while (true) {
            attempt++;
            WriteTransport.SendFailure failure;
            try {
                transport.send(batch);
                return null;
            } catch (WriteTransport.SendFailure f) {
                failure = f;
            }
            ServiceException error = failure.error;
            if (isAborted()) {
                return new DroppedBatch(batch.points(), batch.body(), DroppedBatch.Reason.CLOSED, error);
            }
            if (!failure.retryable) {
                LOG.warn("influxdb writer: {} points rejected: {}", batch.points(), error.getMessage());
                return new DroppedBatch(batch.points(), batch.body(), DroppedBatch.Reason.REJECTED, error);
            }
            Duration delay = Backoff.delay(policy, attempt, failure.retryAfter);
            if (attempt >= policy.maxAttempts() || System.nanoTime() + delay.toNanos() > deadline) {
                LOG.warn("influxdb writer: {} points dropped after {} attempts: {}", batch.points(), attempt,
                        error.getMessage());
                return new DroppedBatch(batch.points(), batch.body(), DroppedBatch.Reason.RETRIES_EXHAUSTED, error);
            }
            LOG.debug("influxdb writer: retry {} of {} points in {}: {}", attempt, batch.points(), delay,
                    error.getMessage());
            countRetry();
            notifyRetry(batch.points(), attempt, delay, error);
            if (!sleepUnlessAborted(delay)) {
                return new DroppedBatch(batch.points(), batch.body(), DroppedBatch.Reason.CLOSED, error);
            }
        }
    }

    private boolean isAborted() {
        lock.lock();
        try {
            return aborted;
        } finally {
            lock.unlock();
        }
    }

    private void countRetry() {
        lock.lock();
        try {
            retries++;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps on the work condition so close() can cut a retry wait short; false when aborted. */
    private boolean sleepUnlessAborted(Duration delay) {
        lock.lock();
        try {
            long remaining = delay.toNanos();
            while (remaining > 0 && !aborted) {
                remaining = work.awaitNanos(remaining);
            }
            return !aborted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void notifyWritten(int points) {
        try {
            listener.onWritten(points);
        } catch (RuntimeException e) {
            LOG.warn("influxdb writer: listener.onWritten threw {}", e.toString());
        }
    }

    private void notifyRetry(int points, int attempt, Duration delay, ServiceException cause) {
        try {
            listener.onRetry(points, attempt, delay, cause);
        } catch (RuntimeException e) {
            LOG.warn("influxdb writer: listener.onRetry threw {}", e.toString());
        }
    }

    private void notifyDropped(DroppedBatch batch) {
        try {
            listener.onDropped(batch);
        } catch (RuntimeException e) {
            LOG.warn("influxdb writer: listener.onDropped threw {}", e.toString());
        }
    }
}
