package io.p4n4.api.clients;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handle that stops a streaming call from any thread. Cancelling closes the call's connection;
 * the streaming method then ends with a {@link java.util.concurrent.CancellationException}.
 * One handle may cancel several calls. Thread-safe.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();

    private Cancellation() {
    }

    /** Creates a handle that is not cancelled yet. */
    public static Cancellation create() {
        return new Cancellation();
    }

    /** Cancels every call bound to this handle; later calls bound to it end at once. Idempotent. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            actions.forEach(Runnable::run);
        }
    }

    /** Returns whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Registers what to do on cancellation (used by client implementations to close their call);
     * runs it at once when already cancelled.
     */
    public void onCancel(Runnable action) {
        actions.add(action);
        if (cancelled.get() && actions.remove(action)) {
            action.run();
        }
    }
}
