package io.p4n4.agent;

import io.p4n4.api.score.DesiredStateEvent;
import io.p4n4.api.score.DesiredStateListener;
import io.p4n4.api.score.DesiredStateStore;
import io.p4n4.api.score.RevisionConflictException;
import io.p4n4.api.score.StoredScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A store in memory, with the same revision and watch semantics as the NATS KV one, for unit tests. */
class InMemoryDesiredStateStore implements DesiredStateStore {

    private final Map<String, StoredScore> entries = new TreeMap<>();
    private final Map<String, String> statuses = new TreeMap<>();
    private final List<Map.Entry<String, DesiredStateListener>> watchers = new CopyOnWriteArrayList<>();
    private long revision;
    volatile boolean down;

    private void check() {
        if (down) {
            throw new IllegalStateException("store down");
        }
    }

    @Override
    public synchronized Optional<StoredScore> find(String device, String deployment) {
        check();
        return Optional.ofNullable(entries.get(device + "." + deployment));
    }

    @Override
    public synchronized List<StoredScore> list(String device) {
        check();
        List<StoredScore> out = new ArrayList<>();
        entries.values().stream().filter(s -> s.device().equals(device)).forEach(out::add);
        return out;
    }

    @Override
    public synchronized List<String> devices() {
        return entries.values().stream().map(StoredScore::device).distinct().sorted().toList();
    }

    @Override
    public long compareAndSet(String device, String deployment, String value, long expectedRevision) {
        StoredScore stored;
        synchronized (this) {
            check();
            StoredScore current = entries.get(device + "." + deployment);
            long currentRevision = current == null ? 0 : current.revision();
            if (currentRevision != expectedRevision) {
                throw new RevisionConflictException(device + "." + deployment, expectedRevision, null);
            }
            stored = new StoredScore(device, deployment, value, ++revision);
            entries.put(device + "." + deployment, stored);
        }
        fire(new DesiredStateEvent(DesiredStateEvent.Operation.PUT, device, deployment, value, stored.revision()));
        return stored.revision();
    }

    @Override
    public void delete(String device, String deployment) {
        long rev;
        synchronized (this) {
            check();
            entries.remove(device + "." + deployment);
            rev = ++revision;
        }
        fire(new DesiredStateEvent(DesiredStateEvent.Operation.DELETE, device, deployment, null, rev));
    }

    private void fire(DesiredStateEvent event) {
        for (var w : watchers) {
            if (w.getKey().equals(event.device()) && !down) {
                w.getValue().onEvent(event);
            }
        }
    }

    @Override
    public AutoCloseable watch(String device, long afterRevision, DesiredStateListener listener) {
        check();
        var entry = Map.entry(device, listener);
        watchers.add(entry);
        for (StoredScore s : list(device)) {
            listener.onEvent(new DesiredStateEvent(DesiredStateEvent.Operation.PUT, device, s.deployment(),
                    s.value(), s.revision()));
        }
        return () -> watchers.remove(entry);
    }

    @Override
    public synchronized void putStatus(String device, String statusJson) {
        check();
        statuses.put(device, statusJson);
    }

    @Override
    public synchronized Optional<String> findStatus(String device) {
        return Optional.ofNullable(statuses.get(device));
    }

    @Override
    public boolean connected() {
        return !down;
    }

    @Override
    public void close() {
    }
}
