package io.p4n4.server.engine;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.Healthcheck;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.core.platform.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live status of a project's stacks, kept by the engine's event stream rather than by polling, so that
 * {@link #current()} answers from memory.
 *
 * <p><b>How it stays current.</b> One event subscription per stack, filtered to the stack's compose project label
 * ({@link ComposeLabels#PROJECT}). Every container event but {@code exec_*} (healthcheck runs produce those on
 * every interval) asks for a refresh: {@link Platform#status()} on one daemon thread
 * ({@code p4n4-server-status}), coalesced so that at most one runs and one waits. A snapshot is published only
 * when it differs from the last. A stream that ends or fails is logged at WARN and opened again after a bounded
 * backoff (250 ms doubling to 10 s), then refreshed once, since events of the gap were missed.
 *
 * <p><b>Health, measured on Docker 20.10 and Podman 4.3</b> (a container with a 1 s healthcheck, events of the
 * engine API and of this library's backends): Docker sends {@code health_status: healthy} once, when the health
 * changes (about one interval after {@code start}), and {@code exec_create/exec_start/exec_die} on every check run.
 * Podman without systemd never runs healthchecks by itself: the container stays {@code starting} and sends nothing
 * until something runs its check; each run then sends {@code health_status} (and {@code exec_died}), changed or not,
 * and 4.3's event carries the status from before the run (the first run's event said {@code starting} although
 * that run made the container healthy). The Podman backend runs, on their interval, the checks of containers it
 * sees start while an event subscription is open, so this cache's own subscriptions make Podman's health move and
 * report it: {@code starting} at the first run, {@code healthy} at the second, then {@code healthy} on every
 * interval. Hence no polling is needed on either engine. As a safety net for a moment where no event follows
 * (Podman's event may precede the recorded result; another backend may send none), each refresh that finds a
 * running container {@code starting} schedules one more refresh after the shortest healthcheck interval of those
 * services in their compose files (30 s, Docker's default, when the file does not say); this stops as soon as
 * nothing is starting, so it never becomes a loop over everything. On Podman the cache refreshes once per check
 * run of each healthchecked container while it is open, and publishes only changes.
 *
 * <p><b>Thread-safety:</b> thread-safe. Listeners are called on the refresh thread (or, for the first call, on
 * the thread calling {@link #listen}), one snapshot at a time each; they must be quick (hand the snapshot to a
 * queue). {@link #close()} ends the subscriptions and the thread; it is idempotent.
 */
public final class StatusCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusCache.class);
    /** Docker's healthcheck interval when none is set. */
    static final Duration DEFAULT_HEALTH_INTERVAL = Duration.ofSeconds(30);
    private static final Duration MIN_RECHECK = Duration.ofMillis(200);

    private final Platform platform;
    private final String engineId;
    private final ScheduledThreadPoolExecutor refresher;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final List<EventWatch> watches = new CopyOnWriteArrayList<>();
    private volatile StatusSnapshot current;
    private volatile boolean closed;
    private ScheduledFuture<?> healthRecheck; // touched on the refresh thread only

    private StatusCache(Platform platform) {
        this.platform = platform;
        this.engineId = platform.engine().id();
        this.refresher = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "p4n4-server-status");
            t.setDaemon(true);
            return t;
        });
        refresher.setRemoveOnCancelPolicy(true);
    }

    /**
     * Subscribes to the events of the project's stacks and loads their status; returns once the first snapshot
     * is there. Subscribing comes first so that no change between the two is missed.
     *
     * @throws P4n4Exception ENGINE when the engine cannot stream events or does not answer; the error of
     *                       {@link Platform#status()} when a stack's compose file cannot be read
     */
    public static StatusCache start(Platform platform) {
        ContainerEngine engine = platform.engine();
        if (!engine.supports(EngineCapability.EVENTS)) {
            throw new P4n4Exception(ErrorCode.ENGINE, "the live status needs the engine's event stream, but the "
                    + engine.id() + " engine at " + engine.endpoint() + " does not stream events (capability EVENTS"
                    + " missing); run the server on Docker or Podman, whose backends stream events");
        }
        StatusCache cache = new StatusCache(platform);
        try {
            cache.subscribe();
            cache.refresher.submit(cache::load).get(); // on the refresh thread: publishing is single-threaded
        } catch (ExecutionException e) {
            cache.close();
            throw e.getCause() instanceof RuntimeException r ? r
                    : new P4n4Exception(ErrorCode.GENERAL, "could not load the status: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            cache.close();
            Thread.currentThread().interrupt();
            throw new P4n4Exception(ErrorCode.GENERAL, "interrupted while loading the status", e);
        } catch (RuntimeException e) {
            cache.close();
            throw e;
        }
        return cache;
    }

    /** The last published snapshot, from memory. */
    public StatusSnapshot current() {
        return current;
    }

    /**
     * Calls {@code listener} at once with the current snapshot, then with every new one, in order, until the
     * returned handle is closed. A listener that throws is dropped and logged at WARN; the others go on.
     */
    public AutoCloseable listen(Consumer<StatusSnapshot> listener) {
        Listener l = new Listener(Objects.requireNonNull(listener, "listener"));
        listeners.add(l);
        l.offer(current); // a newer snapshot published meanwhile was offered already: offer skips older ones
        return l;
    }

    private void subscribe() {
        ContainerEngine engine = platform.engine();
        for (StackId stack : platform.stacks()) {
            String project = platform.load(stack).name();
            watches.add(EventWatch.start(engine, "stack " + stack.value() + " (compose project " + project + ")",
                    EventFilter.containers(LabelFilter.of(ComposeLabels.PROJECT, project)), this::onEvent,
                    this::requestRefresh));
        }
    }

    private void onEvent(EngineEvent event) {
        // healthcheck runs show up as exec events on every interval; only the health_status that follows matters
        if (event.type() == EngineEvent.Type.CONTAINER && !event.action().startsWith("exec_")) {
            requestRefresh();
        }
    }

    private void requestRefresh() {
        if (!closed && refreshQueued.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refresh);
            } catch (RejectedExecutionException e) {
                refreshQueued.set(false); // closed meanwhile
            }
        }
    }

    private void refresh() {
        refreshQueued.set(false); // from here on, a new event queues the next refresh
        if (closed) {
            return;
        }
        try {
            load();
        } catch (RuntimeException e) {
            if (closed) {
                return; // close() interrupted the call
            }
            LOG.warn("could not refresh the status of project {} on {}: {}", platform.project().name(), engineId,
                    e.getMessage());
        }
    }

    /** Asks the engine and publishes what changed; on the refresh thread only. */
    private void load() {
        Map<StackId, List<ServiceStatus>> stacks = platform.status();
        StatusSnapshot last = current;
        if (last == null || !last.stacks().equals(stacks)) {
            StatusSnapshot next = new StatusSnapshot(last == null ? 1 : last.sequence() + 1, Instant.now(), engineId,
                    stacks);
            current = next;
            for (Listener l : listeners) {
                l.offer(next);
            }
        }
        scheduleHealthRecheck(stacks);
    }

    private void scheduleHealthRecheck(Map<StackId, List<ServiceStatus>> stacks) {
        if (healthRecheck != null) {
            healthRecheck.cancel(false);
            healthRecheck = null;
        }
        Duration delay = null;
        for (Map.Entry<StackId, List<ServiceStatus>> e : stacks.entrySet()) {
            List<String> starting = new ArrayList<>();
            for (ServiceStatus s : e.getValue()) {
                if (s.health() == HealthStatus.STARTING && s.state().isAlive()) {
                    starting.add(s.service());
                }
            }
            if (!starting.isEmpty()) {
                Duration interval = shortestHealthInterval(e.getKey(), starting);
                delay = delay == null || interval.compareTo(delay) < 0 ? interval : delay;
            }
        }
        if (delay != null && !closed) {
            try {
                healthRecheck = refresher.schedule(this::requestRefresh, Math.max(delay.toMillis(),
                        MIN_RECHECK.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                healthRecheck = null; // closed meanwhile
            }
        }
    }

    private Duration shortestHealthInterval(StackId stack, List<String> services) {
        try {
            ComposeProject project = platform.load(stack);
            return services.stream()
                    .map(name -> project.findService(name).flatMap(ComposeService::healthcheck)
                            .flatMap(Healthcheck::findInterval).filter(d -> !d.isZero())
                            .orElse(DEFAULT_HEALTH_INTERVAL))
                    .min(Duration::compareTo).orElse(DEFAULT_HEALTH_INTERVAL);
        } catch (RuntimeException e) {
            LOG.debug("could not read the healthcheck intervals of stack {}: {}", stack.value(), e.getMessage());
            return DEFAULT_HEALTH_INTERVAL;
        }
    }

    /** Ends the subscriptions, the refresh thread and every listener. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watches.forEach(EventWatch::close);
        refresher.shutdownNow();
        listeners.clear();
    }

    /** One listener; remembers what it got so that it never gets an older snapshot after a newer one. */
    private final class Listener implements AutoCloseable {
        private final Consumer<StatusSnapshot> consumer;
        private long delivered;
        private boolean closed;

        Listener(Consumer<StatusSnapshot> consumer) {
            this.consumer = consumer;
        }

        synchronized void offer(StatusSnapshot snapshot) {
            if (closed || snapshot == null || snapshot.sequence() <= delivered) {
                return;
            }
            delivered = snapshot.sequence();
            try {
                consumer.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("dropped a status listener: it threw {}", e.toString());
                close();
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            listeners.remove(this);
        }
    }
}
