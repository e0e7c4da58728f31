package io.p4n4.agent;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.AgentHealth;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.AgentStatus;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.api.score.DesiredStateEvent;
import io.p4n4.api.score.DesiredStateListener;
import io.p4n4.api.score.DesiredStateStore;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.agent.events.AgentEvent;
import io.p4n4.agent.events.AgentEventListener;
import io.p4n4.agent.identity.DeviceIdentity;
import io.p4n4.agent.identity.SignedStatus;
import io.p4n4.agent.internal.AgentEvents;
import io.p4n4.agent.internal.GenerationLedger;
import io.p4n4.agent.internal.Reconciler;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.agent.score.TrustedKeySet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one device in line with its desired state: watches {@code <device>.>} in a
 * {@link DesiredStateStore}, applies each Score with the {@link ScoreInterpreter} of its type, removes
 * deployments whose key is deleted, relists everything periodically as ground truth (watch events only
 * make it faster), and writes its {@link AgentStatus} to {@code status.<device>}.
 *
 * <p>States: INITIALIZING (built) -> CONNECTING ({@link #start()}, or store lost) -> ACTIVE -> SHUTDOWN
 * ({@link #close()}). While the store is unreachable, what runs keeps running; the agent retries with
 * exponential backoff and converges when the store returns. A Score that cannot be read, is unsigned
 * when signatures are required, or fails to apply marks only its own deployment. With trusted keys a
 * Score is applied only when signed for this bucket and key, unexpired and of a generation above the
 * highest applied (kept in the state directory), and a deployment is removed only by a signed
 * tombstone: a raw delete or purge is reported in its status while what it runs keeps running. With a
 * state directory the agent has an Ed25519 identity ({@link DeviceIdentity}) and signs every status report
 * ({@link SignedStatus}).
 *
 * <p>Thread-safe: all reconcile work runs on one worker thread owned by the agent; the accessors can be
 * called from any thread. The agent does not own the store or the interpreters: close them yourself.
 */
public final class DeviceAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAgent.class);

    private final Topology topology;
    private final DesiredStateStore store;
    private final Reconciler reconciler;
    private final Duration relistInterval;
    private final Duration statusInterval;
    private final Duration shutdownTimeout;
    private final Duration maxBackoff;
    private final Clock clock;
    private final @Nullable DeviceIdentity identity;
    private final AgentEvents events;
    private final ScheduledExecutorService worker;

    private volatile AgentState state = AgentState.INITIALIZING;
    private volatile String lastError;
    private volatile Instant lastReconcile;
    private volatile Map<String, DeploymentStatus> deployments = Map.of();
    private AutoCloseable watch;
    private Duration backoff;
    private String lastWrittenStatus;

    private DeviceAgent(Builder b) {
        this.topology = Objects.requireNonNull(b.topology, "topology");
        this.store = Objects.requireNonNull(b.store, "store");
        if (b.interpreters.isEmpty()) {
            throw new IllegalArgumentException("a device agent needs at least one ScoreInterpreter");
        }
        ScoreCodec codec = b.codec != null ? b.codec : ScoreCodec.lenient(ScoreTypeRegistry.defaults());
        GenerationLedger ledger = null;
        if (!b.trustedKeys.isEmpty()) {
            if (b.stateDirectory == null) {
                throw new P4n4Exception(ErrorCode.USER, "a device agent with trusted keys needs a state directory"
                        + " (DeviceAgent.Builder.stateDirectory, [agent] state_dir) to keep the highest"
                        + " generation applied per key across restarts");
            }
            ledger = GenerationLedger.open(b.stateDirectory);
        }
        // the device's identity lives in its state directory: created on first start, the same ever after
        this.identity = b.identity != null ? b.identity
                : b.stateDirectory != null ? DeviceIdentity.loadOrCreate(b.stateDirectory) : null;
        this.events = new AgentEvents(topology.deviceId(), b.clock, b.eventListener);
        this.reconciler = new Reconciler(topology, codec, b.trustedKeys, store.bucket(), b.clock, ledger,
                b.clockSkewTolerance, b.interpreters, events);
        this.relistInterval = b.relistInterval;
        this.statusInterval = b.statusInterval;
        this.shutdownTimeout = b.shutdownTimeout;
        this.maxBackoff = b.maxBackoff;
        this.backoff = b.minBackoff;
        this.clock = b.clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p4n4-agent-" + topology.deviceId());
            t.setDaemon(true);
            return t;
        });
    }

    /** Returns a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts watching and reconciling in the background; returns at once. Idempotent. */
    public synchronized DeviceAgent start() {
        if (state != AgentState.INITIALIZING) {
            return this;
        }
        state = AgentState.CONNECTING;
        LOG.info("device agent {} starting ({} relist every {})", topology.deviceId(), topology, relistInterval);
        if (identity != null) {
            // not secret: operators pin this key to check the device's status reports (p4n4 agent status --device-key)
            LOG.info("device agent {} signs its status with device key {} ({})", topology.deviceId(), identity.keyId(),
                    identity.publicKeyBase64());
        }
        events.info(null, AgentEvent.AGENT_STARTED, "started on " + topology.architecture() + "/"
                + topology.containerRuntime() + (identity == null ? "" : ", device key " + identity.keyId()));
        worker.execute(this::connect);
        worker.scheduleWithFixedDelay(this::relistQuietly, relistInterval.toMillis(), relistInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        worker.scheduleWithFixedDelay(() -> writeStatus(true), statusInterval.toMillis(),
                statusInterval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Returns the agent's state. */
    public AgentState state() {
        return state;
    }

    /** Returns the device this agent reconciles. */
    public Topology topology() {
        return topology;
    }

    /** Returns the identity the agent signs its status reports with, if it has one (it has a state directory). */
    public Optional<DeviceIdentity> findIdentity() {
        return Optional.ofNullable(identity);
    }

    /** Returns the agent's current status (what it writes to the store). */
    public AgentStatus status() {
        return new AgentStatus(topology.deviceId(), state, deployments, lastError, clock.instant().toString());
    }

    /** Returns a quick health view. */
    public AgentHealth health() {
        int running = 0;
        int failed = 0;
        for (DeploymentStatus d : deployments.values()) {
            if (d.state() == DeploymentState.RUNNING) {
                running++;
            } else if (d.state() == DeploymentState.FAILED || d.state() == DeploymentState.REJECTED) {
                failed++;
            }
        }
        Instant last = lastReconcile;
        return new AgentHealth(state, store.connected(), running, failed, last == null ? null : last.toString());
    }

    /**
     * Relists and reconciles now, on the agent's thread, and waits for it.
     *
     * @return true when the pass completed (false when the store could not be read or on timeout)
     */
    public boolean reconcileNow(Duration timeout) {
        CompletableFuture<Boolean> done = CompletableFuture.supplyAsync(this::relist, worker);
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * Stops watching, writes a final SHUTDOWN status (best effort) and stops the worker within the
     * shutdown timeout (8 s by default). Running containers are left running. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (state == AgentState.SHUTDOWN) {
                return;
            }
            state = AgentState.SHUTDOWN;
        }
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        try {
            worker.submit(() -> {
                closeWatch();
                writeStatus(true);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the worker is already gone: nothing left to stop
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                LOG.warn("device agent {} did not stop within {}; interrupting", topology.deviceId(), shutdownTimeout);
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("device agent {} stopped", topology.deviceId());
        events.info(null, AgentEvent.AGENT_STOPPED, "stopped; what runs keeps running");
    }

    private void connect() {
        if (state == AgentState.SHUTDOWN) {
            return;
        }
        try {
            if (watch == null) {
                watch = store.watch(topology.deviceId(), 0, new Listener());
            }
            if (relist()) {
                return;
            }
        } catch (RuntimeException e) {
            noteStoreError(e);
        }
        Duration wait = backoff;
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        LOG.debug("device agent {}: store not reachable, retrying in {}", topology.deviceId(), wait);
        worker.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void relistQuietly() {
        relist();
    }

    private boolean relist() {
        if (state == AgentState.SHUTDOWN) {
            return false;
        }
        try {
            reconciler.relist(store.list(topology.deviceId()));
        } catch (RuntimeException e) {
            noteStoreError(e);
            publish();
            return false;
        }
        if (state == AgentState.CONNECTING) {
            LOG.info("device agent {} is active", topology.deviceId());
            events.info(null, AgentEvent.AGENT_ACTIVE, "connected to the desired-state store; reconciling");
        }
        transition(AgentState.ACTIVE);
        backoff = Duration.ofMillis(Math.min(backoff.toMillis(), 200));
        lastReconcile = clock.instant();
        publish();
        writeStatus(false);
        return true;
    }

    private void noteStoreError(RuntimeException e) {
        String error = "desired-state store: " + e.getMessage();
        // warn once per outage, not at every retry
        if (state == AgentState.ACTIVE || !error.equals(lastError)) {
            LOG.warn("device agent {}: {}", topology.deviceId(), error);
            events.warn(null, AgentEvent.STORE_UNREACHABLE, AgentEvents.codeOf(e, ErrorCode.NETWORK), error);
        } else {
            LOG.debug("device agent {}: {}", topology.deviceId(), error);
        }
        lastError = error;
        if (state == AgentState.ACTIVE) {
            transition(AgentState.CONNECTING);
        }
    }

    /** Moves to {@code next} unless the agent is shut down: SHUTDOWN is final. */
    private synchronized void transition(AgentState next) {
        if (state != AgentState.SHUTDOWN) {
            state = next;
        }
    }

    private void publish() {
        deployments = reconciler.statuses();
        if (reconciler.lastError() != null) {
            lastError = reconciler.lastError();
        }
    }

    private void onEvent(DesiredStateEvent event) {
        if (state == AgentState.SHUTDOWN) {
            return;
        }
        reconciler.onEvent(event);
        publish();
        writeStatus(false);
    }

    /** Writes the status when it changed (or always when {@code force}); store errors are only noted. */
    private void writeStatus(boolean force) {
        AgentStatus status = status();
        String json = AgentStatusJson.write(new AgentStatus(status.deviceId(), status.state(),
                status.deployments(), status.lastError(), "-"));
        if (!force && json.equals(lastWrittenStatus)) {
            return;
        }
        try {
            String document = AgentStatusJson.write(status);
            store.putStatus(topology.deviceId(), identity == null ? document : SignedStatus.sign(document, identity));
            lastWrittenStatus = json;
        } catch (RuntimeException e) {
            LOG.debug("device agent {}: status not written: {}", topology.deviceId(), e.toString());
        }
    }

    private void closeWatch() {
        if (watch != null) {
            try {
                watch.close();
            } catch (Exception e) {
                LOG.debug("closing the watch failed: {}", e.toString());
            }
            watch = null;
        }
    }

    /** Hands store callbacks to the worker thread. */
    private final class Listener implements DesiredStateListener {
        @Override
        public void onEvent(DesiredStateEvent event) {
            submit(() -> DeviceAgent.this.onEvent(event));
        }

        @Override
        public void onConnectionChange(boolean connected) {
            // on reconnect relist at once: changes made while away are applied without waiting 30 s; a
            // relist that fails (a cluster still electing its leaders) is retried with backoff, not left
            // until the next periodic relist
            submit(connected ? DeviceAgent.this::connect : () -> {
                if (state == AgentState.ACTIVE) {
                    transition(AgentState.CONNECTING);
                }
            });
        }

        private void submit(Runnable task) {
            try {
                worker.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down: late events are dropped on purpose
            }
        }
    }

    /** Builds a {@link DeviceAgent}. Not thread-safe. */
    public static final class Builder {
        private Topology topology;
        private DesiredStateStore store;
        private final List<ScoreInterpreter<?>> interpreters = new ArrayList<>();
        private @Nullable ScoreCodec codec;
        private TrustedKeySet trustedKeys = TrustedKeySet.of(List.of());
        private Duration relistInterval = Duration.ofSeconds(30);
        private Duration statusInterval = Duration.ofSeconds(30);
        private Duration shutdownTimeout = Duration.ofSeconds(8);
        private Duration minBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(15);
        private Clock clock = Clock.systemUTC();
        private @Nullable Path stateDirectory;
        private @Nullable DeviceIdentity identity;
        private AgentEventListener eventListener = AgentEventListener.NONE;
        private Duration clockSkewTolerance = Duration.ofMinutes(5);

        private Builder() {
        }

        /** Sets what the device offers (required; its device id names the keys watched). */
        public Builder topology(Topology value) {
            this.topology = value;
            return this;
        }

        /** Sets the desired-state store (required). */
        public Builder store(DesiredStateStore value) {
            this.store = value;
            return this;
        }

        /** Adds an interpreter (at least one; one per Score type). */
        public Builder interpreter(ScoreInterpreter<?> value) {
            this.interpreters.add(Objects.requireNonNull(value, "interpreter"));
            return this;
        }

        /** Sets the codec (default, or {@code null}: lenient, with the default Score types). */
        public Builder codec(@Nullable ScoreCodec value) {
            this.codec = value;
            return this;
        }

        /** Requires Scores signed by one of these keys (default: none required). */
        public Builder trustedKeys(TrustedKeySet value) {
            this.trustedKeys = Objects.requireNonNull(value, "trustedKeys");
            return this;
        }

        /**
         * Sets the directory where the agent keeps its state across restarts (created 0700 if
         * missing): the highest generation applied per key ({@code generations.json}, 0600), required with
         * trusted keys, and the device's identity ({@link DeviceIdentity}, {@code device-identity.key}, 0600,
         * created on first start), which signs every status report.
         */
        public Builder stateDirectory(Path value) {
            this.stateDirectory = Objects.requireNonNull(value, "stateDirectory");
            return this;
        }

        /**
         * Sets the identity that signs status reports (default: the one in the state directory; none without
         * a state directory, then reports are unsigned).
         */
        public Builder identity(DeviceIdentity value) {
            this.identity = Objects.requireNonNull(value, "identity");
            return this;
        }

        /**
         * Sets who receives the agent's events (applied, rejected, failed, removed; started, active, store
         * unreachable, stopped), e.g. {@link io.p4n4.agent.events.JsonLinesEventLog} for log shippers. Default: none.
         */
        public Builder eventListener(AgentEventListener value) {
            this.eventListener = Objects.requireNonNull(value, "eventListener");
            return this;
        }

        /**
         * Sets how far in the future of the agent's clock a signed Score's {@code issuedAt} may be (default 5 min):
         * a Score issued later than that is rejected (checked with trusted keys).
         */
        public Builder clockSkewTolerance(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("clockSkewTolerance must be zero or positive");
            }
            this.clockSkewTolerance = value;
            return this;
        }

        /** Sets the full-resync period (default 30 s). */
        public Builder relistInterval(Duration value) {
            this.relistInterval = positive(value, "relistInterval");
            return this;
        }

        /** Sets how often the status is written even when unchanged (default 30 s). */
        public Builder statusInterval(Duration value) {
            this.statusInterval = positive(value, "statusInterval");
            return this;
        }

        /** Sets how long {@link DeviceAgent#close()} may take (default 8 s). */
        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = positive(value, "shutdownTimeout");
            return this;
        }

        /** Sets the reconnect backoff bounds (default 200 ms doubling up to 15 s). */
        public Builder backoff(Duration min, Duration max) {
            this.minBackoff = positive(min, "min");
            this.maxBackoff = positive(max, "max");
            return this;
        }

        /** Sets the clock for status timestamps and Score expiry (default UTC system clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Builds the agent (state INITIALIZING; call {@link DeviceAgent#start()}). */
        public DeviceAgent build() {
            return new DeviceAgent(this);
        }

        private static Duration positive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
