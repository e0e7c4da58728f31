package io.p4n4.agent.nats.internal;

import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.KeyValueWatcher;
import io.nats.client.impl.NatsKeyValueWatchSubscription;
import io.p4n4.api.score.DesiredStateEvent;
import io.p4n4.api.score.DesiredStateListener;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KV watch on {@code <device>.>} (or on every key, {@code >}, for a {@link FanOutWatch}) that survives
 * reconnects and server restarts: it remembers the last
 * revision it delivered and, when told the connection came back, drops its subscription and watches
 * again from the next revision. Events at or below the last delivered revision are dropped, so a
 * replay never delivers twice. (KV watchers built on ordered consumers are known to stall after a
 * server restart in several NATS clients; this does not rely on them recovering by themselves.)
 * Thread-safe.
 */
public final class ResumableWatch implements AutoCloseable, KeyValueWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ResumableWatch.class);

    private final Supplier<KeyValue> kv;
    private final String filter;
    private final String consumerPrefix;
    private final DesiredStateListener listener;
    private final Runnable onInitialData;
    private volatile long lastRevision;
    private NatsKeyValueWatchSubscription subscription;
    private boolean closed;

    /** Creates the watch of one device's keys; call {@link #subscribe()} to start it. */
    public ResumableWatch(Supplier<KeyValue> kv, String device, long afterRevision, DesiredStateListener listener) {
        this(kv, device + ".>", "p4n4-agent-" + device, afterRevision, listener, () -> {
        });
    }

    /**
     * Creates a watch of the keys {@code filter} matches; {@code onInitialData} runs each time a
     * (re)subscription has delivered the entries that existed when it started.
     */
    public ResumableWatch(Supplier<KeyValue> kv, String filter, String consumerPrefix, long afterRevision,
            DesiredStateListener listener, Runnable onInitialData) {
        this.kv = kv;
        this.filter = filter;
        this.consumerPrefix = consumerPrefix;
        this.lastRevision = afterRevision;
        this.listener = listener;
        this.onInitialData = onInitialData;
    }

    /** Returns the key filter watched ({@code <device>.>} or {@code >}). */
    public String filter() {
        return filter;
    }

    /** Returns the listener. */
    public DesiredStateListener listener() {
        return listener;
    }

    /**
     * (Re)subscribes from the revision after the last delivered one.
     *
     * @throws Exception when the server cannot be reached
     */
    public synchronized void subscribe() throws Exception {
        if (closed) {
            return;
        }
        unsubscribeQuietly();
        long from = lastRevision;
        subscription = from == 0 ? kv.get().watch(filter, this) : kv.get().watch(filter, this, from + 1);
        LOG.debug("watching {} from revision {}", filter, from + 1);
    }

    @Override
    public void watch(KeyValueEntry entry) {
        DesiredStateEvent event;
        synchronized (this) {
            if (closed || entry.getRevision() <= lastRevision) {
                return;
            }
            lastRevision = entry.getRevision();
            String key = entry.getKey();
            int dot = key.indexOf('.');
            if (dot < 0) {
                return;
            }
            DesiredStateEvent.Operation op = entry.getOperation() == KeyValueOperation.PUT
                    ? DesiredStateEvent.Operation.PUT
                    : entry.getOperation() == KeyValueOperation.DELETE ? DesiredStateEvent.Operation.DELETE
                    : DesiredStateEvent.Operation.PURGE;
            event = new DesiredStateEvent(op, key.substring(0, dot), key.substring(dot + 1),
                    op == DesiredStateEvent.Operation.PUT ? entry.getValueAsString() : null, entry.getRevision());
        }
        listener.onEvent(event);
    }

    @Override
    public void endOfData() {
        // the initial values are delivered; later entries are changes, handled the same way
        onInitialData.run();
    }

    @Override
    public String getConsumerNamePrefix() {
        // a recognizable name, so leaked consumers (if any) can be traced to this library
        return consumerPrefix;
    }

    /** Returns the last revision delivered. */
    public long lastRevision() {
        return lastRevision;
    }

    @Override
    public synchronized void close() {
        closed = true;
        unsubscribeQuietly();
    }

    private void unsubscribeQuietly() {
        if (subscription != null) {
            try {
                subscription.unsubscribe();
            } catch (RuntimeException e) {
                LOG.debug("unsubscribing the old watch failed (connection gone?): {}", e.toString());
            }
            subscription = null;
        }
    }
}
