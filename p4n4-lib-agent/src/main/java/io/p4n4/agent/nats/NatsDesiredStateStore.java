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
import io.p4n4.agent.nats.internal.ConnectionProblems;
import io.p4n4.agent.nats.internal.FanOutWatch;
import io.p4n4.agent.nats.internal.FullJitterBackoff;
import io.p4n4.agent.nats.internal.NatsClientOptions;
import io.p4n4.agent.nats.internal.NatsErrors;
import io.p4n4.agent.nats.internal.ResumableWatch;
import io.p4n4.agent.nats.internal.SettlingGets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>It connects anonymously or with {@link NatsCredentials} (user/password, token, NKey seed file, JWT
 * {@code .creds} file), over TLS when given a {@link NatsTls}. A refused connection (credentials, TLS) or
 * operation (a permissions violation) fails with {@link ErrorCode#USER} saying what the server refused and
 * what to check, never a secret. A device whose server grants it only its own keys (docs/nats-security.md)
 * sets {@link Builder#inboxPrefix} to {@code _INBOX.<device>}.
 *
 * <p>The connection reconnects forever (and a connection jnats gave up after the server refused it twice is
 * opened again after a pause, so a fixed credential file is picked up); if the server is down when the store is built, it connects when
 * the server comes up, and operations fail with {@link ErrorCode#NETWORK} meanwhile. Watches resume
 * after a reconnect from the revision after the last one they delivered; they re-subscribe after a random
 * wait (exponential backoff with full jitter, {@link Builder#rewatchBackoff}) so that thousands of
 * watches do not hit a restarted server in the same instant.
 *
 * <p>By default each {@link #watch} is its own consumer on the server. A store that serves many devices
 * (a site gateway, a fleet simulation) can {@linkplain Builder#shareWatch share one watch} on the whole
 * bucket instead: one consumer for all its devices, which also answers {@link #list} from the entries
 * it holds, without a consumer per listing. The shared watch reads every key of the bucket, so it needs
 * permission to, and receives every device's changes: use it where one process serves the devices.
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
    private final ConnectionProblems problems = new ConnectionProblems();
    private final String who;
    private final String clientCertificateHint;
    private final Duration requestTimeout;
    private volatile @Nullable Options options;
    private volatile int refusedConnections;
    private final java.util.concurrent.atomic.AtomicBoolean reconnectScheduled =
            new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int subscriptionRefusals;
    private final List<ResumableWatch> watches = new CopyOnWriteArrayList<>();
    private final FullJitterBackoff rewatchBackoff;
    /** Watches waiting for their re-subscription: at most one pending attempt each. */
    private final Set<ResumableWatch> rewatching = ConcurrentHashMap.newKeySet();
    private final @Nullable FanOutWatch fanOut;
    private @Nullable ResumableWatch sharedWatch;
    private final ScheduledExecutorService resubscriber;
    private volatile @Nullable Connection connection;
    private volatile KeyValue kv;
    private volatile KeyValue statusKv;
    private final SettlingGets gets;
    private final SettlingGets statusGets;
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
        this.who = NatsClientOptions.describe(b.credentials, b.tls);
        // under TLS 1.3 a server that wants a client certificate drops a client without one after the
        // handshake: the client sees only a timeout, so the message names the likely cause
        this.clientCertificateHint = b.tls != null && b.tls.certFile() == null ? "; if the server requires client"
                + " certificates (tls { verify: true }), give one (cert_file and key_file)" : "";
        this.requestTimeout = b.requestTimeout;
        Duration settling = b.requestTimeout.multipliedBy(3);
        this.gets = new SettlingGets(b.bucket, settling);
        this.statusGets = new SettlingGets(b.statusBucket, settling);
        this.ownsConnection = shared == null;
        this.rewatchBackoff = b.rewatchBackoff;
        this.fanOut = b.shareWatch ? new FanOutWatch() : null;
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
                .errorListener(new QuietErrorListener(problems, this::onSubscriptionRefused, this::onHeartbeatAlarm));
        if (b.inboxPrefix != null) {
            options.inboxPrefix(b.inboxPrefix);
        }
        NatsClientOptions.credentials(options, b.credentials);
        NatsClientOptions.tls(options, b.tls);
        try {
            // asynchronous: a device that boots while NATS is unreachable must not block here; the
            // connection arrives with the CONNECTED event, retried forever
            this.options = options.build();
            Nats.connectAsynchronously(this.options, true);
            if (!b.initialWait.isZero() && !firstConnect.await(b.initialWait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info("NATS {} not reachable yet; connecting in the background", servers);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(bucket, "connecting", e);
        } catch (RuntimeException e) {
            throw failure(bucket, "connecting", e);
        }
    }

    @Override
    public Optional<StoredScore> find(String device, String deployment) {
        String key = key(device, deployment);
        try {
            KeyValueEntry entry = gets.get(kv(), key);
            if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
                return Optional.empty();
            }
            return Optional.of(new StoredScore(device, deployment, entry.getValueAsString(), entry.getRevision()));
        } catch (Exception e) {
            throw failure(bucket, "get " + key, e);
        }
    }

    @Override
    public List<StoredScore> list(String device) {
        DeviceIds.requireValid("device id", device);
        requireOpen();
        if (fanOut != null && sharedWatchStarted()) {
            try {
                // the shared watch was just subscribed: its first entries are on their way
                Optional<List<StoredScore>> held = fanOut.list(device, requestTimeout);
                if (held.isPresent()) {
                    return held.get();
                }
            } catch (InterruptedException e) {
                throw NatsErrors.failure(servers, bucket, "list " + device + ".>", e);
            }
        }
        List<StoredScore> out = new ArrayList<>();
        try {
            for (String key : new TreeSet<>(kv().keys(device + ".>"))) {
                KeyValueEntry entry = gets.get(kv(), key);
                if (entry != null && entry.getOperation() == KeyValueOperation.PUT) {
                    out.add(new StoredScore(device, key.substring(device.length() + 1), entry.getValueAsString(),
                            entry.getRevision()));
                }
            }
        } catch (Exception e) {
            throw failure(bucket, "list " + device + ".>", e);
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
            throw failure(bucket, "list keys", e);
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
            throw failure(bucket, "put " + key, e);
        } catch (Exception e) {
            throw failure(bucket, "put " + key, e);
        }
    }

    @Override
    public void delete(String device, String deployment) {
        String key = key(device, deployment);
        try {
            kv().delete(key);
        } catch (Exception e) {
            throw failure(bucket, "delete " + key, e);
        }
    }

    @Override
    public AutoCloseable watch(String device, long afterRevision, DesiredStateListener listener) {
        DeviceIds.requireValid("device id", device);
        if (fanOut != null) {
            startSharedWatch();
            return fanOut.register(device, afterRevision, listener);
        }
        ResumableWatch watch = new ResumableWatch(this::kv, device, afterRevision, listener);
        try {
            watch.subscribe();
        } catch (P4n4Exception e) {
            watch.close();
            throw e;
        } catch (Exception e) {
            watch.close();
            throw failure(bucket, "watch " + device + ".>", e);
        }
        watches.add(watch);
        return () -> {
            watches.remove(watch);
            watch.close();
        };
    }

    private synchronized boolean sharedWatchStarted() {
        return sharedWatch != null;
    }

    /** Subscribes the store's one watch on every key the first time a device watches. */
    private synchronized void startSharedWatch() {
        if (sharedWatch != null) {
            return;
        }
        FanOutWatch to = Objects.requireNonNull(fanOut);
        ResumableWatch watch = new ResumableWatch(this::kv, ">", "p4n4-shared", 0, to, to::initialDataDelivered);
        try {
            watch.subscribe();
        } catch (P4n4Exception e) {
            watch.close();
            throw e;
        } catch (Exception e) {
            watch.close();
            throw NatsErrors.failure(servers, bucket, "watch >", e);
        }
        sharedWatch = watch;
        watches.add(watch);
    }

    @Override
    public void putStatus(String device, String statusJson) {
        DeviceIds.requireValid("device id", device);
        try {
            statusKv().put("status." + device, statusJson.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw failure(statusBucket, "put status." + device, e);
        }
    }

    @Override
    public Optional<String> findStatus(String device) {
        DeviceIds.requireValid("device id", device);
        try {
            KeyValueEntry entry = statusGets.get(statusKv(), "status." + device);
            return entry == null || entry.getOperation() != KeyValueOperation.PUT ? Optional.empty()
                    : Optional.of(entry.getValueAsString());
        } catch (Exception e) {
            throw failure(statusBucket, "get status." + device, e);
        }
    }

    /**
     * Opens both buckets now, creating those missing. Devices whose NATS user has only
     * {@link DevicePermissions} may not create buckets, so the publisher's tools call this first.
     *
     * @throws P4n4Exception as the other operations, when a bucket cannot be opened or created
     */
    public void openBuckets() {
        kv();
        statusKv();
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

    private P4n4Exception failure(String bucketName, String what, Exception e) {
        if (e instanceof P4n4Exception p) {
            return p; // already says where and why (a bucket that could not be opened)
        }
        // a denied request is dropped by the server and times out; the violation arrived meanwhile
        // "get pi-1.app" -> "pi-1.app" (in the refused subject), "opening the bucket" -> its stream's name
        String mentions = what.startsWith("opening") ? "KV_" + bucketName : what.substring(what.indexOf(' ') + 1);
        return NatsErrors.failure(servers, bucketName, what, e, problems, requestTimeout.plusSeconds(2), who,
                mentions);
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
                    kv = openBucket(bucket, history, gets);
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
                    statusKv = openBucket(statusBucket, 1, statusGets);
                }
                k = statusKv;
            }
        }
        return k;
    }

    private KeyValue openBucket(String name, int maxHistory, SettlingGets settling) {
        Connection c = connection;
        if (c == null || c.getStatus() != Connection.Status.CONNECTED) {
            Optional<String> refusal = problems.connectRefusal();
            if (refusal.isPresent()) {
                throw NatsErrors.refused(servers, refusal.get(), who);
            }
            throw new P4n4Exception(ErrorCode.NETWORK, "NATS " + servers + " is not reachable (yet; " + who
                    + "); the store keeps trying to connect. Check that nats-server runs with JetStream (-js) and the"
                    + " URL is right" + clientCertificateHint);
        }
        try {
            KeyValueManagement management = c.keyValueManagement(kvOptions);
            try {
                management.getStatus(name);
            } catch (JetStreamApiException e) {
                if (!NatsErrors.is(e, NatsErrors.STREAM_NOT_FOUND)) {
                    throw e;
                }
                settling.creating();
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
            throw failure(name, "opening the bucket", e);
        }
    }

    private void onConnectionEvent(Connection conn, ConnectionListener.Events event) {
        // the first connection after a failed start arrives as RECONNECTED, not CONNECTED
        if (event == ConnectionListener.Events.CONNECTED || event == ConnectionListener.Events.RECONNECTED) {
            problems.onConnected();
            refusedConnections = 0;
        }
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
                    watches.forEach(w -> rewatch(w, 0));
                }
            }
            case CLOSED -> connectAgainLater(conn);
            default -> {
                // lame duck, discovered servers, closed: nothing to do here
            }
        }
    }

    /**
     * A watch's consumer went silent while the connection stayed up: in a cluster, the server holding
     * that (single-replica) consumer died. jnats retries its own reset only every three heartbeat periods
     * (15 s), failing while JetStream elects new leaders; watch again at once (then with the jittered
     * backoff), so the agent catches up within seconds of the election instead of up to a minute.
     */
    private void onHeartbeatAlarm(JetStreamSubscription sub) {
        String consumer = sub.getConsumerName();
        for (ResumableWatch w : watches) {
            if (consumer != null && consumer.startsWith(w.getConsumerNamePrefix() + "-")) {
                LOG.info("the watch of {} stopped receiving heartbeats (its consumer's server is gone?): watching"
                        + " again from revision {}", w.filter(), w.lastRevision() + 1);
                rewatch(w, 0);
            }
        }
    }

    /**
     * jnats closes a connection the server refused twice in a row (credentials, TLS) and never retries it;
     * a device must not stay offline until restarted, so the store opens a new one after a pause that grows
     * to a minute. The credential files are read again then.
     */
    private void connectAgainLater(Connection conn) {
        Options o = options;
        if (closed || !ownsConnection || o == null) {
            return;
        }
        if (connection == conn) {
            synchronized (this) {
                connection = null;
                kv = null;
                statusKv = null;
            }
        } else if (connection != null) {
            return;
        }
        long delay = Math.min(60_000, 1000L << Math.min(6, refusedConnections++));
        LOG.warn("NATS {} closed the connection{}; connecting again in {} s", servers,
                problems.connectRefusal().map(r -> " (" + r + ", " + who + ")").orElse(""), delay / 1000);
        try {
            resubscriber.schedule(() -> {
                if (!closed && connection == null) {
                    Nats.connectAsynchronously(o, true);
                }
                return null;
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /**
     * The server dropped a subscription of this client (its permissions changed, or its inbox prefix is not
     * allowed): requests no longer get replies and watches stop. Reconnecting subscribes everything again, so
     * the store does that after a pause growing to 30 s; once the permissions are back, it works again.
     */
    private void onSubscriptionRefused() {
        if (closed || !reconnectScheduled.compareAndSet(false, true)) {
            return;
        }
        long delay = Math.min(30_000, 1000L << Math.min(5, subscriptionRefusals++));
        try {
            resubscriber.schedule(() -> {
                reconnectScheduled.set(false);
                Connection c = connection;
                if (!closed && c != null) {
                    c.forceReconnect();
                }
                return null;
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /**
     * Re-subscribes one watch after a random wait within attempt {@code attempt}'s backoff window, again
     * with the next window while JetStream is not back yet. A watch with an attempt pending is not
     * scheduled twice, so repeated connection events cannot multiply consumers.
     */
    private void rewatch(ResumableWatch watch, int attempt) {
        if (closed || (attempt == 0 && !rewatching.add(watch))) {
            return;
        }
        Duration wait = rewatchBackoff.delay(attempt);
        try {
            resubscriber.schedule(() -> {
                if (closed || !watches.contains(watch)) {
                    rewatching.remove(watch);
                    return;
                }
                try {
                    watch.subscribe();
                    rewatching.remove(watch);
                    subscriptionRefusals = 0;
                    watch.listener().onConnectionChange(true);
                } catch (Exception e) {
                    LOG.debug("re-watching {} failed (attempt {}): {}", watch.filter(), attempt + 1, e.toString());
                    rewatch(watch, attempt + 1);
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            rewatching.remove(watch); // closed meanwhile
        }
    }

    /** Builds a {@link NatsDesiredStateStore}. Not thread-safe. */
    public static final class Builder {
        private List<String> servers = List.of("nats://127.0.0.1:4222");
        private @Nullable NatsCredentials credentials;
        private @Nullable NatsTls tls;
        private @Nullable String inboxPrefix;
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
        private FullJitterBackoff rewatchBackoff = new FullJitterBackoff(Duration.ofMillis(250),
                Duration.ofSeconds(5));
        private boolean shareWatch;

        private Builder() {
        }

        /**
         * Sets how watches wait before re-subscribing after a reconnect: attempt {@code n} waits a random
         * time in {@code [0, min(cap, base * 2^n)]} (exponential backoff with full jitter; default 250 ms
         * doubling up to 5 s). Attempts repeat until JetStream answers again.
         *
         * @throws IllegalArgumentException unless {@code 0 < base <= cap}
         */
        public Builder rewatchBackoff(Duration base, Duration cap) {
            this.rewatchBackoff = new FullJitterBackoff(Objects.requireNonNull(base, "base"),
                    Objects.requireNonNull(cap, "cap"));
            return this;
        }

        /**
         * Makes all {@link NatsDesiredStateStore#watch watches} of this store share one watch on every key
         * of the bucket (one consumer on the server instead of one per device), and answers
         * {@link NatsDesiredStateStore#list} from what that watch holds once it has received the bucket
         * (default false). For one process serving many devices; it needs read access to the whole bucket
         * and receives every device's changes, so a single device agent should keep the default.
         */
        public Builder shareWatch(boolean value) {
            this.shareWatch = value;
            return this;
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

        /** Sets the credentials (default, or {@code null}: anonymous). */
        public Builder credentials(@Nullable NatsCredentials value) {
            this.credentials = value;
            return this;
        }

        /** Sets TLS (default, or {@code null}: plain TCP). */
        public Builder tls(@Nullable NatsTls value) {
            this.tls = value;
            return this;
        }

        /**
         * Sets the prefix of the client's reply subjects (default {@code _INBOX}). A device whose NATS user may
         * subscribe only to its own inbox ({@code _INBOX.<device>.>}, docs/nats-security.md) sets
         * {@code _INBOX.<device>}, so no device can read another's replies.
         */
        public Builder inboxPrefix(@Nullable String value) {
            this.inboxPrefix = value;
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
     * Notes what the server refused (for the errors of the operations that fail because of it) and logs
     * jnats' asynchronous errors: refusals and permissions violations at warn, reconnect noise at debug;
     * re-creates a watch whose consumer stopped sending heartbeats.
     */
    private static final class QuietErrorListener implements io.nats.client.ErrorListener {
        private final ConnectionProblems problems;
        private final Runnable onSubscriptionRefused;
        private final java.util.function.Consumer<JetStreamSubscription> onHeartbeatAlarm;

        QuietErrorListener(ConnectionProblems problems, Runnable onSubscriptionRefused,
                java.util.function.Consumer<JetStreamSubscription> onHeartbeatAlarm) {
            this.problems = problems;
            this.onSubscriptionRefused = onSubscriptionRefused;
            this.onHeartbeatAlarm = onHeartbeatAlarm;
        }

        @Override
        public void errorOccurred(Connection conn, String error) {
            problems.onServerError(error);
            String lower = error.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("violation")) {
                LOG.warn("NATS server refused: {}", error);
                if (lower.contains("permissions violation for subscription")) {
                    onSubscriptionRefused.run();
                }
            } else {
                LOG.debug("NATS error: {}", error);
            }
        }

        @Override
        public void exceptionOccurred(Connection conn, Exception exp) {
            problems.onException(exp);
            LOG.debug("NATS exception: {}", exp.toString());
        }

        @Override
        public void heartbeatAlarm(Connection conn, JetStreamSubscription sub, long lastStreamSequence,
                long lastConsumerSequence) {
            onHeartbeatAlarm.accept(sub);
        }
    }
}
