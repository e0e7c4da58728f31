package io.p4n4.server.engine;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.ProgressEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One asynchronous {@code up} or {@code down} of a stack, started by {@link Operations#submit}: its state, its
 * result or failure, and its events, which {@link #listen} replays from the first one.
 *
 * <p><b>Thread-safety:</b> thread-safe. Listeners are called on the thread that recorded the event or that
 * subscribed, one event at a time per listener; they must be quick (hand the event to a queue).
 */
public final class Operation {
    private static final Logger LOG = LoggerFactory.getLogger(Operation.class);

    /** Where an operation is. */
    public enum State {
        /** The work is running. */
        RUNNING,
        /** The work returned; {@link #result()} holds what it returned. */
        SUCCEEDED,
        /** The work threw; {@link #failure()} says why. */
        FAILED
    }

    private final String id;
    private final String kind;
    private final StackId stack;
    private final Object lock = new Object();
    private final List<OperationEvent> events = new ArrayList<>(); // guarded by lock
    private boolean ended; // guarded by lock: the final event is recorded, nothing more is
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile State state = State.RUNNING;
    private volatile Map<String, Object> result;
    private volatile P4n4Exception failure;

    Operation(String id, String kind, StackId stack) {
        this.id = id;
        this.kind = kind;
        this.stack = stack;
    }

    /** Its id: short, random and URL-safe. */
    public String id() {
        return id;
    }

    /** What it does ({@code up}, {@code down}). */
    public String kind() {
        return kind;
    }

    /** The stack it acts on. */
    public StackId stack() {
        return stack;
    }

    /** Where it is now. */
    public State state() {
        return state;
    }

    /** What the work returned; throws {@link IllegalStateException} unless {@link State#SUCCEEDED}. */
    public Map<String, Object> result() {
        return findResult().orElseThrow(() -> new IllegalStateException("operation " + id + " is "
                + state.name().toLowerCase(Locale.ROOT) + ", so it has no result; check state() first"));
    }

    /** What the work returned, once it {@link State#SUCCEEDED}. */
    public Optional<Map<String, Object>> findResult() {
        return Optional.ofNullable(result);
    }

    /** Why it failed; throws {@link IllegalStateException} unless {@link State#FAILED}. */
    public P4n4Exception failure() {
        return findFailure().orElseThrow(() -> new IllegalStateException("operation " + id + " is "
                + state.name().toLowerCase(Locale.ROOT) + ", so it has no failure; check state() first"));
    }

    /** Why it failed, once it {@link State#FAILED}: a {@link P4n4Exception} (others wrapped as GENERAL). */
    public Optional<P4n4Exception> findFailure() {
        return Optional.ofNullable(failure);
    }

    /** A copy of its events so far, in order. */
    public List<OperationEvent> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /**
     * Delivers every event so far, then each new one, in order, without gap or duplicate, until the final
     * event or until the returned handle is closed. A listener that throws is dropped (logged at WARN).
     */
    public AutoCloseable listen(Consumer<OperationEvent> listener) {
        Feed feed = new Feed(listener);
        feeds.add(feed);
        feed.drain();
        return feed;
    }

    /** Waits until it finished (its final event is recorded); true if it did within {@code timeout}. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "Operation[" + id + ", " + kind + " " + stack.value() + ", " + state + "]";
    }

    void progress(ProgressEvent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", e.step().name().toLowerCase(Locale.ROOT));
        data.put("subject", e.subject());
        data.put("detail", e.detail());
        data.put("time", e.time().toString());
        if (e.step() == ProgressEvent.Step.IMAGE_PULL_PROGRESS) {
            data.put("layer", e.layer());
            data.put("current", e.current());
            data.put("total", e.total());
        }
        record(OperationEvent.PROGRESS, data);
    }

    /** Records the outcome; the final event follows with {@link #end()}. */
    void settle(Map<String, Object> value) {
        result = Collections.unmodifiableMap(new LinkedHashMap<>(value));
        state = State.SUCCEEDED;
    }

    void settle(P4n4Exception why) {
        failure = why;
        state = State.FAILED;
    }

    /** Records the final event of the settled outcome and releases {@link #awaitDone} waiters. */
    void end() {
        if (state == State.SUCCEEDED) {
            record(OperationEvent.DONE, result);
        } else {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("code", failure.code().name());
            data.put("message", String.valueOf(failure.getMessage()));
            record(OperationEvent.FAILED, data);
        }
        done.countDown();
    }

    private void record(String type, Map<String, Object> data) {
        synchronized (lock) {
            if (ended) {
                return; // a progress report arriving after the work returned: the final event stays last
            }
            OperationEvent event = new OperationEvent(events.size() + 1L, type, data);
            ended = event.isFinal();
            events.add(event);
        }
        for (Feed feed : feeds) {
            feed.drain();
        }
    }

    /**
     * One listener's position in the events. Whoever records or subscribes calls {@link #drain()}; only one
     * thread at a time delivers (the others just note that there is more), so events go out in order, each once.
     */
    private final class Feed implements AutoCloseable {
        private final Consumer<OperationEvent> listener;
        private final AtomicInteger pending = new AtomicInteger();
        private int next; // touched only by the delivering thread
        private volatile boolean closed;

        Feed(Consumer<OperationEvent> listener) {
            this.listener = listener;
        }

        void drain() {
            if (pending.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            do {
                while (!closed) {
                    OperationEvent event;
                    synchronized (lock) {
                        if (next >= events.size()) {
                            break;
                        }
                        event = events.get(next);
                    }
                    next++;
                    deliver(event);
                }
                missed = pending.addAndGet(-missed);
            } while (missed != 0);
        }

        private void deliver(OperationEvent event) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("dropped a listener of operation {} ({} {}): it threw {}", id, kind, stack.value(),
                        e.toString());
                close();
                return;
            }
            if (event.isFinal()) {
                close(); // nothing follows the final event
            }
        }

        @Override
        public void close() {
            closed = true;
            feeds.remove(this);
        }
    }
}
