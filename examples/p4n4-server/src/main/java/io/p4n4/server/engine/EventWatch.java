package io.p4n4.server.engine;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.Subscription;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event subscription kept open: when the engine's stream ends or fails, it is logged at WARN and opened
 * again after a bounded backoff, and {@code onResubscribed} runs (events in the gap were missed). A daemon
 * thread per watch waits on the subscription's end; it does no polling. Thread-safe; {@link #close()} is
 * idempotent.
 */
final class EventWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventWatch.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    static final Duration MAX_RETRY = Duration.ofSeconds(10);
    /** A stream that lived this long was healthy: the next failure starts the backoff again. */
    private static final Duration STABLE = Duration.ofSeconds(30);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ContainerEngine engine;
    private final String what;
    private final EventFilter filter;
    private final Consumer<EngineEvent> onEvent;
    private final Runnable onResubscribed;
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Subscription subscription;
    private volatile boolean closed;

    private EventWatch(ContainerEngine engine, String what, EventFilter filter, Consumer<EngineEvent> onEvent,
            Runnable onResubscribed) {
        this.engine = engine;
        this.what = what;
        this.filter = filter;
        this.onEvent = onEvent;
        this.onResubscribed = onResubscribed;
    }

    /**
     * Subscribes now (throwing the engine's error if it cannot) and keeps the subscription open until closed.
     *
     * @param what names the watched objects in log lines ({@code "stack iot (compose project site-iot)"})
     */
    static EventWatch start(ContainerEngine engine, String what, EventFilter filter, Consumer<EngineEvent> onEvent,
            Runnable onResubscribed) {
        EventWatch watch = new EventWatch(engine, what, filter, onEvent, onResubscribed);
        watch.subscription = engine.events(filter, onEvent);
        Thread t = new Thread(watch::keepOpen, "p4n4-server-events-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.start();
        return watch;
    }

    private void keepOpen() {
        Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY);
        long openedAt = System.nanoTime();
        try {
            while (!closed) {
                Subscription current = subscription;
                while (!current.awaitTermination(Duration.ofHours(1))) {
                    if (closed) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                if (System.nanoTime() - openedAt > STABLE.toNanos()) {
                    backoff.reset();
                }
                Duration delay = backoff.next();
                LOG.warn("the {} event stream of {} ended ({}); subscribing again in {} ms", engine.id(), what,
                        current.findFailure().map(Throwable::getMessage).orElse("no reason given"), delay.toMillis());
                openedAt = resubscribe(delay, backoff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits {@code delay} (ending early on close), then subscribes until it works; returns when it did. */
    private long resubscribe(Duration delay, Backoff backoff) throws InterruptedException {
        Duration wait = delay;
        while (!closing.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            try {
                Subscription fresh = engine.events(filter, onEvent);
                subscription = fresh;
                if (closed) {
                    fresh.close(); // close() ran while we subscribed and may have missed this one
                    return System.nanoTime();
                }
                LOG.info("subscribed again to the {} event stream of {}", engine.id(), what);
                onResubscribed.run();
                return System.nanoTime();
            } catch (RuntimeException e) {
                wait = backoff.next();
                LOG.warn("could not subscribe to the {} event stream of {} ({}); trying again in {} ms", engine.id(),
                        what, e.getMessage(), wait.toMillis());
            }
        }
        return System.nanoTime();
    }

    @Override
    public void close() {
        closed = true;
        closing.countDown();
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
