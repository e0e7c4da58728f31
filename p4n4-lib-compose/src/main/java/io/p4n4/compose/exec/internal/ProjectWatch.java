package io.p4n4.compose.exec.internal;

import io.p4n4.api.EngineException;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.Subscription;
import io.p4n4.compose.exec.ComposeLabels;

/**
 * Listens to the engine's container events of one project and wakes waiters when anything happens,
 * so readiness is re-checked the moment the engine reports a change instead of on a fixed sleep. On an
 * engine without {@link EngineCapability#EVENTS} nothing is subscribed and waiters re-check on their own
 * schedule (the waiter's safety net). Thread-safe; close to end the subscription.
 */
public final class ProjectWatch implements AutoCloseable {
    private final Object lock = new Object();
    private final String engineId;
    /** Null on an engine without events. */
    private final Subscription subscription;
    private long generation;

    private ProjectWatch(ContainerEngine engine, String project) {
        this.engineId = engine.id();
        this.subscription = engine.supports(EngineCapability.EVENTS)
                ? engine.events(EventFilter.containers(LabelFilter.of(ComposeLabels.PROJECT, project)), e -> wake())
                : null;
    }

    /** Starts listening to the project's container events. */
    public static ProjectWatch open(ContainerEngine engine, String project) {
        return new ProjectWatch(engine, project);
    }

    /** Wakes every waiter (an event, a cancellation). */
    public void wake() {
        synchronized (lock) {
            generation++;
            lock.notifyAll();
        }
    }

    /** The current generation; pass it to {@link #awaitChange} to not miss an event in between. */
    public long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /**
     * Waits until the generation moves past {@code seen} or {@code deadlineNanos} ({@link System#nanoTime})
     * passes. Fails with ENGINE when the event stream broke (the engine went away).
     */
    public void awaitChange(long seen, long deadlineNanos) throws InterruptedException {
        synchronized (lock) {
            while (generation == seen) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                lock.wait(Math.max(1, left / 1_000_000), 0);
            }
        }
        checkStream();
    }

    /** Fails with ENGINE when the event stream ended with an error. */
    public void checkStream() {
        if (subscription == null) {
            return;
        }
        subscription.findFailure().ifPresent(f -> {
            throw new EngineException(engineId, "events", "the event stream of " + engineId + " broke: "
                    + f.getMessage() + "; is the engine still running?", f);
        });
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
    }
}
