package io.p4n4.agent.nats;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamSubscription;
import io.nats.client.JetStreamOptions;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.nats.client.api.StorageType;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.DesiredStateListener;
import io.p4n4.api.score.DesiredStateStore;
import io.p4n4.api.score.DeviceIds;
import io.p4n4.api.score.NatsCredentials;
import io.p4n4.api.score.RevisionConflictException;
import io.p4n4.api.score.StoredScore;
import io.p4n4.agent.nats.internal.NatsErrors;
import io.p4n4.agent.nats.internal.ResumableWatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DesiredStateStore} on NATS JetStream KV (jnats). Scores live in bucket
 * {@code desired-state} under {@code <device>.<deployment>}; agent status in bucket {@code agent-status}
 * under {@code status.<device>}. Buckets are created (file storage) when missing.
 *
 * <p>The connection reconnects forever; if the server is down when the store is built, it connects when
 * the server comes up, and operations fail with {@link ErrorCode#NETWORK} meanwhile. Watches resume
 * after a reconnect from the revision after the last one they delivered.
 *
 * <p>Thread-safe; share one store per process. {@link #close()} is idempotent and closes the
 * connection only if the store opened it.
 */
public final class NatsDesiredStateStore implements DesiredStateStore {

    /** The default bucket of desired state. */
    public static final String DESIRED_STATE_BUCKET = "desired-state";
    /** The default bucket of agent status. */
    public static final String STATUS_BUCKET = "agent-status";

    private static final Logger LOG = LoggerFactory.getLogger(NatsDesiredStateStore.class);

    private final String servers;
    private final String bucket;
    private final String statusBucket;
    private final int history;
    private final int replicas;
    private final KeyValueOptions kvOptions;
    private final boolean ownsConnection;
    private final List<ResumableWatch> watches = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService resubscriber;
    private volatile @Nullable Connection connection;
    private volatile KeyValue kv;
    private volatile KeyValue statusKv;
    private volatile boolean closed;
    private final java.util.concurrent.CountDownLatch firstConnect = new java.util.concurrent.CountDownLatch(1);

    private NatsDesiredStateStore(Builder b, @Nullable Connection shared) {
        this.bucket = b.bucket;
        this.statusBucket = b.statusBucket;
        this.history = b.history;
        this.replicas = b.replicas;
        // jnats' default JetStream request timeout is the connect timeout (2 s): too short for a file-backed
        // bucket on a busy device, so every KV request gets its own, explicit budget
        JetStreamOptions.Builder jetStream = JetStreamOptions.builder().requestTimeout(b.requestTimeout);
        if (b.jsDomain != null) {
            // a device on a leaf node reaches the hub's buckets through $JS.<domain>.API
            jetStream.domain(b.jsDomain);
        }
        this.kvOptions = KeyValueOptions.builder().jetStreamOptions(jetStream.build()).build();
        this.servers = shared != null ? shared.getConnectedUrl() : String.join(",", b.servers);
        this.ownsConnection = shared == null;
        this.resubscriber = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p4n4-nats-resubscribe");
            t.setDaemon(true);
            return t;
        });
        this.connection = shared;
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    private void connect(Builder b) {
        Options.Builder options = Options.builder()
                .servers(b.servers.toArray(String[]::new))
                .connectionName(b.connectionName)
                .connectionTimeout(b.connectTimeout)
                .maxReconnects(-1)
                .reconnectWait(b.reconnectWait)
                .connectionListener(this::onConnectionEvent)
                .errorListener(new QuietErrorListener());
        if (b.credentials != null) {
            options.userInfo(b.credentials.user().toCharArray(), b.credentials.password().toCharArray());
        }
        try {
            // asynchronous: a device that boots while NATS is unreachable must not block here; the
            // connection arrives with the CONNECTED event, retried forever
            Nats.connectAsynchronously(options.build(), true);
            if (!b.initialWait.isZero() && !firstConnect.await(b.initialWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("NATS {} not reachable yet; connecting in the background", servers);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NatsErrors.failure(servers, bucket, "connecting", e);
        } catch (RuntimeException e) {
            throw NatsErrors.failure(servers, bucket, "connecting", e);
        }
    }

    @Override
    public Optional<StoredScore> find(String device, String deployment) {
        String key = key(device, deployment);
        try {
            KeyValueEntry entry = kv().get(key);
            if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
                return Optional.empty();
            }
            return Optional.of(new StoredScore(device, deployment, entry.getValueAsString(), entry.getRevision()));
        } catch (Exception e) {
            throw NatsErrors.failure(servers, bucket, "get " + key, e);
        }
    }

    @Override
    public List<StoredScore> list(String device) {
        DeviceIds.requireValid("device id", device);
        List<StoredScore> out = new ArrayList<>();
        try {
            for (String key : new TreeSet<>(kv().keys(device + ".>"))) {
                KeyValueEntry entry = kv().get(key);
                if (entry != null && entry.getOperation() == KeyValueOperation.PUT) {
                    out.add(new StoredScore(device, key.substring(device.length() + 1), entry.getValueAsString(),
                            entry.getRevision()));
                }
            }
        } catch (Exception e) {
            throw NatsErrors.failure(servers, bucket, "list " + device + ".>", e);
        }
        return out;
    }

    @Override
    public List<String> devices() {
        try {
            TreeSet<String> out = new TreeSet<>();
            for (String key : kv().keys()) {
                int dot = key.indexOf('.');
                if (dot > 0) {
                    out.add(key.substring(0, dot));
                }
            }
            return List.copyOf(out);
        } catch (Exception e) {
            throw NatsErrors.failure(servers, bucket, "list keys", e);
        }
    }

    @Override
    public long compareAndSet(String device, String deployment, String value, long expectedRevision) {
        String key = key(device, deployment);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try {
            // create() also succeeds when the last operation on the key was a delete or purge
            return expectedRevision == 0 ? kv().create(key, bytes) : kv().update(key, bytes, expectedRevision);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NatsErrors.WRONG_LAST_SEQUENCE) {
                throw new RevisionConflictException(key, expectedRevision, e);
            }
            throw NatsErrors.failure(servers, bucket, "put " + key, e);
        } catch (Exception e) {
            throw NatsErrors.failure(servers, bucket, "put " + key, e);
        }
    }

    @Override
    public void delete(String device, String deployment) {
        String key = key(device, deployment);
        try {
            kv().delete(key);
        } catch (Exception e) {
            throw NatsErrors.failure(servers, bucket, "delete " + key, e);
        }
    }

    @Override
    public AutoCloseable watch(String device, long afterRevision, DesiredStateListener listener) {
        DeviceIds.requireValid("device id", device);
        ResumableWatch watch = new ResumableWatch(this::kv, device, afterRevision, listener);
        try {
            watch.subscribe();
        } catch (P4n4Exception e) {
            watch.close();
            throw e;
        } catch (Exception e) {
            watch.close();
            throw NatsErrors.failure(servers, bucket, "watch " + device + ".>", e);
        }
        watches.add(watch);
        return () -> {
            watches.remove(watch);
            watch.close();
        };
    }

    @Override
    public void putStatus(String device, String statusJson) {
        DeviceIds.requireValid("device id", device);
        try {
            statusKv().put("status." + device, statusJson.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw NatsErrors.failure(servers, statusBucket, "put status." + device, e);
        }
    }

    @Override
    public Optional<String> findStatus(String device) {
        DeviceIds.requireValid("device id", device);
        try {
            KeyValueEntry entry = statusKv().get("status." + device);
            return entry == null || entry.getOperation() != KeyValueOperation.PUT ? Optional.empty()
                    : Optional.of(entry.getValueAsString());
        } catch (Exception e) {
            throw NatsErrors.failure(servers, statusBucket, "get status." + device, e);
        }
    }

    @Override
    public boolean connected() {
        Connection c = connection;
        return !closed && c != null && c.getStatus() == Connection.Status.CONNECTED;
    }

    /** Returns the underlying connection (for metrics and sharing), or {@code null} once closed. */
    public @Nullable Connection connection() {
        return closed ? null : connection;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watches.forEach(ResumableWatch::close);
        watches.clear();
        resubscriber.shutdownNow();
        if (ownsConnection && connection != null) {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String bucket() {
        return bucket;
    }

    @Override
    public String toString() {
        return "NatsDesiredStateStore[" + servers + ", bucket=" + bucket + ", statusBucket=" + statusBucket + "]";
    }

    private String key(String device, String deployment) {
        return DeviceIds.requireValid("device id", device) + "."
                + DeviceIds.requireValid("deployment name", deployment);
    }

    private void requireOpen() {
        if (closed) {
            throw new P4n4Exception(ErrorCode.GENERAL, "the NATS desired-state store is closed");
        }
    }

    private KeyValue kv() {
        requireOpen();
        KeyValue k = kv;
        if (k == null) {
            synchronized (this) {
                if (kv == null) {
                    kv = openBucket(bucket, history);
                }
                k = kv;
            }
        }
        return k;
    }

    private KeyValue statusKv() {
        requireOpen();
        KeyValue k = statusKv;
        if (k == null) {
            synchronized (this) {
                if (statusKv == null) {
                    statusKv = openBucket(statusBucket, 1);
                }
                k = statusKv;
            }
        }
        return k;
    }

    private KeyValue openBucket(String name, int maxHistory) {
        Connection c = connection;
        if (c == null || c.getStatus() != Connection.Status.CONNECTED) {
            throw new P4n4Exception(ErrorCode.NETWORK, "NATS " + servers + " is not reachable (yet); the store keeps"
                    + " trying to connect. Check that nats-server runs with JetStream (-js) and the URL is right");
        }
        try {
            KeyValueManagement management = c.keyValueManagement(kvOptions);
            try {
                management.getStatus(name);
            } catch (JetStreamApiException e) {
                if (!NatsErrors.is(e, NatsErrors.STREAM_NOT_FOUND)) {
                    throw e;
                }
                try {
                    management.create(KeyValueConfiguration.builder().name(name).maxHistoryPerKey(maxHistory)
                            .storageType(StorageType.File).replicas(replicas).build());
                    LOG.info("created NATS KV bucket {} ({} replicas)", name, replicas);
                } catch (JetStreamApiException raced) {
                    // another client created it in between; the server says so with either code
                    if (!NatsErrors.is(raced, NatsErrors.STREAM_NAME_IN_USE)
                            && !NatsErrors.is(raced, NatsErrors.SUBJECTS_OVERLAP)) {
                        throw raced;
                    }
                    management.getStatus(name); // a real overlap with another stream still fails here
                }
            }
            return c.keyValue(name, kvOptions);
        } catch (Exception e) {
            throw NatsErrors.failure(servers, name, "opening the bucket", e);
        }
    }

    private void onConnectionEvent(Connection conn, ConnectionListener.Events event) {
        // the first connection after a failed start arrives as RECONNECTED, not CONNECTED
        if ((event == ConnectionListener.Events.CONNECTED || event == ConnectionListener.Events.RECONNECTED)
                && connection == null) {
            connection = conn;
            firstConnect.countDown();
            if (closed) {
                closeQuietly(conn);
                return;
            }
        }
        switch (event) {
            case DISCONNECTED -> watches.forEach(w -> w.listener().onConnectionChange(false));
            case CONNECTED, RECONNECTED, RESUBSCRIBED -> {
                if (event != ConnectionListener.Events.RESUBSCRIBED) {
                    resubscribeAll(Duration.ZERO);
                }
            }
            default -> {
                // lame duck, discovered servers, closed: nothing to do here
            }
        }
    }

    /**
     * A watch's consumer went silent while the connection stayed up: in a cluster, the server holding
     * that (single-replica) consumer died. jnats retries its own reset only every three heartbeat periods
     * (15 s), failing while JetStream elects new leaders; watch again at once and retry quickly, so the
     * agent catches up within seconds of the election instead of up to a minute.
     */
    private void onHeartbeatAlarm(JetStreamSubscription sub) {
        String consumer = sub.getConsumerName();
        for (ResumableWatch w : watches) {
            if (consumer != null && consumer.startsWith(w.getConsumerNamePrefix() + "-")) {
                LOG.info("the watch of {} stopped receiving heartbeats (its consumer's server is gone?): watching"
                        + " again from revision {}", w.device(), w.lastRevision() + 1);
                resubscribe(w, Duration.ZERO);
            }
        }
    }

    private void resubscribe(ResumableWatch w, Duration delay) {
        if (closed) {
            return;
        }
        try {
            resubscriber.schedule(() -> {
                if (!watches.contains(w)) {
                    return;
                }
                try {
                    w.subscribe();
                    w.listener().onConnectionChange(true);
                } catch (Exception e) {
                    LOG.debug("resubscribing {} failed: {}", w.device(), e.toString());
                    resubscribe(w, Duration.ofMillis(Math.min(5000, Math.max(250, delay.toMillis() * 2))));
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    private void resubscribeAll(Duration delay) {
        if (closed) {
            return;
        }
        try {
            resubscriber.schedule(() -> {
                List<ResumableWatch> failed = new ArrayList<>();
                for (ResumableWatch w : watches) {
                    try {
                        w.subscribe();
                        w.listener().onConnectionChange(true);
                    } catch (Exception e) {
                        LOG.debug("resubscribing {} failed: {}", w.device(), e.toString());
                        failed.add(w);
                    }
                }
                if (!failed.isEmpty()) {
                    // JetStream may need a moment after a server restart: try again shortly
                    resubscribeAll(Duration.ofMillis(Math.min(5000, Math.max(250, delay.toMillis() * 2))));
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Builds a {@link NatsDesiredStateStore}. Not thread-safe. */
    public static final class Builder {
        private List<String> servers = List.of("nats://127.0.0.1:4222");
        private @Nullable NatsCredentials credentials;
        private String bucket = DESIRED_STATE_BUCKET;
        private String statusBucket = STATUS_BUCKET;
        private int history = 5;
        private int replicas = 1;
        private @Nullable String jsDomain;
        private String connectionName = "p4n4";
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration reconnectWait = Duration.ofMillis(500);
        private Duration initialWait = Duration.ofSeconds(2);

        private Builder() {
        }

        /**
         * Sets how long {@link #connect()} waits for the first connection before returning anyway
         * (default 2 s; the store keeps connecting in the background, operations fail with NETWORK
         * until it is connected).
         */
        public Builder initialWait(Duration value) {
            this.initialWait = Objects.requireNonNull(value, "initialWait");
            return this;
        }

        /** Sets the server URLs (default {@code nats://127.0.0.1:4222}). */
        public Builder servers(List<String> value) {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("give at least one NATS server URL");
            }
            this.servers = List.copyOf(value);
            return this;
        }

        /** Sets user and password (default, or {@code null}: none). */
        public Builder credentials(@Nullable NatsCredentials value) {
            this.credentials = value;
            return this;
        }

        /** Sets the desired-state bucket name (default {@code desired-state}). */
        public Builder bucket(String value) {
            this.bucket = Objects.requireNonNull(value, "bucket");
            return this;
        }

        /** Sets the status bucket name (default {@code agent-status}). */
        public Builder statusBucket(String value) {
            this.statusBucket = Objects.requireNonNull(value, "statusBucket");
            return this;
        }

        /** Sets how many revisions per key the desired-state bucket keeps when created (default 5). */
        public Builder history(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("history must be 1..64");
            }
            this.history = value;
            return this;
        }

        /**
         * Sets how many servers of a JetStream cluster keep a copy of each bucket the store creates
         * (default 1; 3 in a 3-node cluster, so a bucket survives the loss of any one server). Existing
         * buckets keep theirs.
         *
         * @throws IllegalArgumentException when not 1..5 (JetStream's limit)
         */
        public Builder replicas(int value) {
            if (value < 1 || value > 5) {
                throw new IllegalArgumentException("replicas must be 1..5 (JetStream's limit), was " + value);
            }
            this.replicas = value;
            return this;
        }

        /**
         * Sets the JetStream domain whose buckets the store uses (default, or {@code null}: the domain of
         * the server connected to). A device connected to a leaf-node server with its own JetStream domain
         * sets the hub's domain here to read the hub's desired state (see docs/nats-topology.md).
         *
         * @throws IllegalArgumentException when blank or not a valid subject token
         */
        public Builder jsDomain(@Nullable String value) {
            if (value != null && (value.isBlank() || !value.matches("[A-Za-z0-9_-]+"))) {
                throw new IllegalArgumentException("jsDomain must be a JetStream domain name (letters, digits,"
                        + " '_' or '-'), was '" + value + "'");
            }
            this.jsDomain = value;
            return this;
        }

        /** Sets the connection name the server shows (default {@code p4n4}). */
        public Builder connectionName(String value) {
            this.connectionName = Objects.requireNonNull(value, "connectionName");
            return this;
        }

        /** Sets the connect timeout per attempt (default 2 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /**
         * Sets how long each KV request (get, put, create, the bucket's management) waits for the server's
         * answer before it fails with {@link ErrorCode#NETWORK} (default 5 s; a file-backed bucket on a
         * loaded device or server can take seconds).
         *
         * @throws IllegalArgumentException when not positive
         */
        public Builder requestTimeout(Duration value) {
            if (Objects.requireNonNull(value, "requestTimeout").isNegative() || value.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive, was " + value);
            }
            this.requestTimeout = value;
            return this;
        }

        /** Sets the wait between reconnect attempts (default 500 ms, plus jitter). */
        public Builder reconnectWait(Duration value) {
            this.reconnectWait = Objects.requireNonNull(value, "reconnectWait");
            return this;
        }

        /**
         * Opens a store with its own connection. Returns even when the server is down (after
         * {@link #initialWait}; it connects when the server comes up).
         *
         * @throws P4n4Exception (NETWORK) when the options are unusable
         */
        public NatsDesiredStateStore connect() {
            NatsDesiredStateStore store = new NatsDesiredStateStore(this, null);
            store.connect(this);
            return store;
        }

        /**
         * Returns a store over an existing connection (many stores can share one), which it does not
         * close. Watches resume only if you forward the connection's events with
         * {@link NatsDesiredStateStore#connectionEvent}; prefer {@link #connect()} for agents.
         */
        public NatsDesiredStateStore over(Connection shared) {
            return new NatsDesiredStateStore(this, Objects.requireNonNull(shared, "connection"));
        }
    }

    /**
     * Forwards a connection event to this store (for stores built with {@link Builder#over}).
     *
     * @param conn the connection
     * @param event the event
     */
    public void connectionEvent(Connection conn, ConnectionListener.Events event) {
        onConnectionEvent(conn, event);
    }

    /**
     * Logs jnats' asynchronous errors at debug level (reconnect noise is expected on devices) and
     * re-creates a watch whose consumer stopped sending heartbeats.
     */
    private final class QuietErrorListener implements io.nats.client.ErrorListener {
        @Override
        public void errorOccurred(Connection conn, String error) {
            LOG.debug("NATS error: {}", error);
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            LOG.debug("NATS exception: {}", exp.toString());
        }

        @Override
        public void heartbeatAlarm(Connection conn, JetStreamSubscription sub, long lastStreamSequence,
                long lastConsumerSequence) {
            onHeartbeatAlarm(sub);
        }
    }
}
