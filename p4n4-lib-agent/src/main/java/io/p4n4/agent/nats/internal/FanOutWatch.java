package io.p4n4.agent.nats.internal;

import io.p4n4.api.score.DesiredStateEvent;
import io.p4n4.api.score.DesiredStateListener;
import io.p4n4.api.score.StoredScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The receiving end of one watch on every key of the bucket, shared by all devices of a store: it keeps
 * the current entries (a replica of the bucket's latest values) and hands each change to the listeners of
 * the device it belongs to. A listener that joins late first receives the device's current entries
 * above its revision, then the changes, in revision order. With it, N devices cost the server one
 * consumer instead of N, and listing a device's keys needs no consumer at all once the replica holds
 * the bucket ({@link #list}). Thread-safe: the watch's thread and registering threads share one lock (so a
 * late listener misses nothing); listings read the concurrent replica without it.
 */
public final class FanOutWatch implements DesiredStateListener {

    /** device -> deployment -> latest PUT entry (deleted and purged keys are absent). */
    private final Map<String, Map<String, StoredScore>> replica = new ConcurrentHashMap<>();
    private final Map<String, List<DesiredStateListener>> listeners = new HashMap<>();
    private volatile boolean synced;

    /**
     * Adds a listener of one device: delivers the device's current entries above {@code afterRevision}
     * at once, then every change.
     *
     * @return a handle that removes the listener
     */
    public synchronized AutoCloseable register(String device, long afterRevision, DesiredStateListener listener) {
        Map<String, StoredScore> current = replica.getOrDefault(device, Map.of());
        current.values().stream().filter(s -> s.revision() > afterRevision)
                .sorted(Comparator.comparingLong(StoredScore::revision))
                .forEach(s -> listener.onEvent(new DesiredStateEvent(DesiredStateEvent.Operation.PUT, device,
                        s.deployment(), s.value(), s.revision())));
        listeners.computeIfAbsent(device, d -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> unregister(device, listener);
    }

    private synchronized void unregister(String device, DesiredStateListener listener) {
        List<DesiredStateListener> of = listeners.get(device);
        if (of != null) {
            of.remove(listener);
            if (of.isEmpty()) {
                listeners.remove(device);
            }
        }
    }

    /** Returns whether no listener is left. */
    public synchronized boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** Marks the replica complete: the watch delivered every entry that existed when it started. */
    public synchronized void initialDataDelivered() {
        synced = true;
        notifyAll();
    }

    /**
     * Returns the device's current entries sorted by deployment, from the replica, waiting up to
     * {@code wait} for the watch to deliver the bucket; empty when it has not yet (then ask the server).
     */
    public Optional<List<StoredScore>> list(String device, Duration wait) throws InterruptedException {
        if (!synced && !awaitSynced(wait)) {
            return Optional.empty();
        }
        // lock-free: thousands of agents relist at once and must not queue behind the watch's thread
        return Optional.of(List.copyOf(new TreeMap<>(replica.getOrDefault(device, Map.of())).values()));
    }

    private synchronized boolean awaitSynced(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!synced && System.nanoTime() < deadline) {
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, deadline - System.nanoTime()));
        }
        return synced;
    }

    @Override
    public synchronized void onEvent(DesiredStateEvent event) {
        if (event.operation() == DesiredStateEvent.Operation.PUT) {
            replica.computeIfAbsent(event.device(), d -> new ConcurrentHashMap<>()).put(event.deployment(),
                    new StoredScore(event.device(), event.deployment(), event.value(), event.revision()));
        } else {
            Map<String, StoredScore> of = replica.get(event.device());
            if (of != null) {
                of.remove(event.deployment());
                if (of.isEmpty()) {
                    replica.remove(event.device());
                }
            }
        }
        for (DesiredStateListener listener : listeners.getOrDefault(event.device(), List.of())) {
            listener.onEvent(event);
        }
    }

    @Override
    public void onConnectionChange(boolean connected) {
        List<DesiredStateListener> all = new ArrayList<>();
        synchronized (this) {
            listeners.values().forEach(all::addAll);
        }
        all.forEach(l -> l.onConnectionChange(connected));
    }
}
