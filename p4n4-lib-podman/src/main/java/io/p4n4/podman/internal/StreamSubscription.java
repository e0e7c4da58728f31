package io.p4n4.podman.internal;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.Subscription;
import io.p4n4.podman.internal.libpod.LibpodHttp.StreamingCall;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Subscription} that reads one streaming libpod call on its own daemon thread. Closing it
 * cancels the call, which unblocks the reader; callbacks stop at once (one already running finishes).
 */
final class StreamSubscription implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSubscription.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    /** Reads the body of the call, delivering items while {@code active} says so. */
    @FunctionalInterface
    interface BodyReader {
        void read(StreamingCall call, BooleanSupplier active) throws IOException;
    }

    private final CountDownLatch ended = new CountDownLatch(1);
    private final Consumer<StreamSubscription> onEnd;
    private volatile StreamingCall call;
    private volatile boolean closed;
    private volatile RuntimeException failure;

    private StreamSubscription(Consumer<StreamSubscription> onEnd) {
        this.onEnd = onEnd;
    }

    /**
     * Opens the call on a new thread named {@code p4n4-podman-<kind>-N} and reads it there. Failing to
     * open is reported through {@link #findFailure()}, like a failure while reading.
     */
    static StreamSubscription start(String kind, Supplier<StreamingCall> opener, BodyReader reader,
                                    Consumer<StreamSubscription> onEnd) {
        StreamSubscription s = new StreamSubscription(onEnd);
        Thread t = new Thread(() -> s.run(opener, reader), "p4n4-podman-" + kind + "-" + IDS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return s;
    }

    private void run(Supplier<StreamingCall> opener, BodyReader reader) {
        try {
            StreamingCall c = opener.get();
            call = c;
            if (closed) {
                c.close();
                return;
            }
            try (c) {
                reader.read(c, () -> !closed);
            }
        } catch (EngineException e) {
            if (!closed) {
                failure = e;
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                StreamingCall c = call;
                String what = c == null ? "stream" : c.description();
                failure = new EngineException("podman", c == null ? null : c.resource(),
                        "the Podman " + what + " stream broke: " + e.getMessage(), e);
                LOG.debug("stream ended abnormally", e);
            }
        } finally {
            ended.countDown();
            onEnd.accept(this);
        }
    }

    @Override
    public boolean isActive() {
        return ended.getCount() > 0 && !closed;
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public Optional<RuntimeException> findFailure() {
        return Optional.ofNullable(failure);
    }

    /** Cancels the call; the reading thread then releases the response itself (see {@link StreamingCall#close()}). */
    @Override
    public void close() {
        closed = true;
        StreamingCall c = call;
        if (c != null) {
            c.cancel();
        }
    }
}
