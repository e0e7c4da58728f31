package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.compose.exec.ServiceNotReadyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waits until a container reaches a {@link Readiness}. It re-inspects when the engine reports an event
 * for the project; on engines that do not run healthchecks by themselves it runs the check on the
 * check's cadence (faster during the start period); on engines that do, a {@code service_healthy} gate
 * (and, when asked, the final {@code --wait}) can also run the check by exec while the engine still says
 * "starting" ({@link EarlyHealthProbe}).
 * Thread-safe.
 */
public final class ReadinessWaiter {
    /** Re-inspect at least this often in case an event was lost (a safety net, not the mechanism). */
    private static final Duration SAFETY_NET = Duration.ofSeconds(2);
    /** Cadence of driven checks during the start period when the service sets no start_interval. */
    private static final Duration START_CADENCE = Duration.ofMillis(500);
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(30);

    private final ContainerEngine engine;
    private final ProjectWatch watch;
    private final Cancellation cancellation;
    private final String project;
    private final EarlyHealthProbe earlyProbe;
    /** Whether a {@code service_healthy} gate accepts an early probe's pass. */
    private final boolean earlyGates;
    /** Whether the final {@code --wait} accepts an early probe's pass. */
    private final boolean earlyReady;
    /** Containers an early probe found healthy while the engine still says "starting". */
    private final Set<String> probedHealthy = ConcurrentHashMap.newKeySet();

    /**
     * A waiter for one {@code up}.
     *
     * @param earlyHealthchecks for {@code service_healthy} gates, run healthchecks by exec until an engine that
     *     runs them itself has a verdict (only on engines with {@link EngineCapability#EXEC}; elsewhere the
     *     engine's verdict is awaited)
     * @param earlyReady the same for {@link Readiness#READY} ({@code up --wait})
     */
    public ReadinessWaiter(ContainerEngine engine, ProjectWatch watch, Cancellation cancellation, String project,
            boolean earlyHealthchecks, boolean earlyReady) {
        this.engine = engine;
        this.watch = watch;
        this.cancellation = cancellation;
        this.project = project;
        this.earlyGates = earlyHealthchecks;
        this.earlyReady = earlyReady;
        this.earlyProbe = (earlyHealthchecks || earlyReady)
                && engine.supports(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE)
                && engine.supports(EngineCapability.EXEC) ? new EarlyHealthProbe(engine) : null;
    }

    /**
     * Blocks until the container of {@code service} is {@code readiness}, or fails: unhealthy, exited when it
     * should run, timeout at {@code deadlineNanos}, cancellation, engine gone.
     *
     * @param healthcheck the healthcheck the container was created with, or null
     */
    public void await(String service, String container, Readiness readiness, HealthcheckSpec healthcheck,
            long deadlineNanos) {
        boolean hasCheck = healthcheck != null && !healthcheck.isDisabled();
        boolean drive = hasCheck && !engine.supports(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE);
        // up --wait returns when the engine itself says healthy, unless the caller accepts the probe's pass
        boolean probe = hasCheck && earlyProbe != null && acceptsEarly(readiness);
        long nextCheck = System.nanoTime();
        int failedProbes = 0;
        HealthHistory history = new HealthHistory();
        try {
            while (true) {
                checkCancelled();
                long seen = watch.generation();
                ContainerInfo info = engine.inspectContainer(container);
                history.observe(info.health());
                if (decide(service, info, readiness, healthcheck, observedHealth(container, info, readiness),
                        history)) {
                    return;
                }
                long now = System.nanoTime();
                boolean running = info.state() == ContainerState.RUNNING;
                if (drive && running && now >= nextCheck) {
                    ContainerHealth h = engine.runHealthcheck(container);
                    history.observe(h);
                    if (decide(service, info, readiness, healthcheck, h, history)) {
                        return;
                    }
                    nextCheck = System.nanoTime() + cadence(healthcheck, info.startedAt()).toNanos();
                    continue;
                }
                if (probe && running && info.health().status() == HealthStatus.STARTING && now >= nextCheck) {
                    Optional<ExecResult> result = earlyProbe.run(container, healthcheck, deadlineNanos);
                    if (result.isPresent() && result.get().exitCode() == 0) {
                        probedHealthy.add(container);
                        return;
                    }
                    if (result.isPresent()) {
                        history.observeProbe(result.get().exitCode(), result.get().stdout() + result.get().stderr());
                    }
                    nextCheck = System.nanoTime() + EarlyHealthProbe.backoff(failedProbes++).toNanos();
                    continue;
                }
                if (now - deadlineNanos >= 0) {
                    throw timeout(service, readiness, info, history);
                }
                long wakeAt = Math.min(deadlineNanos, now + SAFETY_NET.toNanos());
                if (drive || probe) {
                    wakeAt = Math.min(wakeAt, nextCheck);
                }
                watch.awaitChange(seen, wakeAt);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new P4n4Exception(ErrorCode.GENERAL, "interrupted while waiting for service " + service
                    + " of project " + project, e);
        }
    }

    /** Whether a wait for {@code readiness} is satisfied by an early probe's pass. */
    private boolean acceptsEarly(Readiness readiness) {
        return readiness == Readiness.HEALTHY ? earlyGates : readiness == Readiness.READY && earlyReady;
    }

    /**
     * The engine's view of health; for a wait that accepts early probes, healthy already when an early probe
     * passed while the engine still says "starting".
     */
    private ContainerHealth observedHealth(String container, ContainerInfo info, Readiness readiness) {
        ContainerHealth h = info.health();
        if (acceptsEarly(readiness) && h.status() == HealthStatus.STARTING
                && info.state() == ContainerState.RUNNING && probedHealthy.contains(container)) {
            return new ContainerHealth(HealthStatus.HEALTHY, 0, h.lastOutput(), 0);
        }
        return h;
    }

    private boolean decide(String service, ContainerInfo info, Readiness readiness, HealthcheckSpec healthcheck,
            ContainerHealth health, HealthHistory history) {
        boolean hasCheck = healthcheck != null && !healthcheck.isDisabled();
        ContainerState state = info.state();
        boolean exited = state == ContainerState.EXITED || state == ContainerState.DEAD;
        switch (readiness) {
            case STARTED:
                return state != ContainerState.CREATED;
            case COMPLETED:
                if (exited) {
                    if (info.exitCode() == 0) {
                        return true;
                    }
                    throw ServiceNotReadyException.failed(service, "", "service " + service + " of project "
                            + project + " exited with code " + info.exitCode() + " but must complete successfully;"
                            + " see its logs: p4n4 logs");
                }
                return false;
            case HEALTHY:
                if (!hasCheck) {
                    throw ServiceNotReadyException.failed(service, "", "service " + service + " of project "
                            + project + " has no healthcheck, but another service waits for it to be healthy;"
                            + " add a healthcheck or use condition: service_started");
                }
                return healthy(service, info, health, history);
            case READY:
            default:
                if (hasCheck) {
                    return healthy(service, info, health, history);
                }
                if (exited && info.exitCode() != 0) {
                    throw exitedEarly(service, info, history);
                }
                return state == ContainerState.RUNNING || exited;
        }
    }

    private boolean healthy(String service, ContainerInfo info, ContainerHealth health, HealthHistory history) {
        if (health.status() == HealthStatus.HEALTHY) {
            return true;
        }
        if (health.status() == HealthStatus.UNHEALTHY) {
            history.observe(health);
            throw ServiceNotReadyException.failed(service, history.lastOutput(), "service " + service
                    + " of project " + project + " is unhealthy after " + health.failingStreak()
                    + " failed check(s); " + history.describe() + "; fix the service or its healthcheck");
        }
        if (info.state() == ContainerState.EXITED || info.state() == ContainerState.DEAD) {
            throw exitedEarly(service, info, history);
        }
        return false;
    }

    private ServiceNotReadyException exitedEarly(String service, ContainerInfo info, HealthHistory history) {
        history.observe(info.health());
        return ServiceNotReadyException.failed(service, history.lastOutput(), "service " + service
                + " of project " + project + " exited with code " + info.exitCode() + " instead of running;"
                + " see its logs: p4n4 logs");
    }

    private ServiceNotReadyException timeout(String service, Readiness readiness, ContainerInfo info,
            HealthHistory history) {
        String what = readiness == Readiness.STARTED ? "start" : readiness == Readiness.COMPLETED ? "complete"
                : "become healthy";
        return ServiceNotReadyException.timedOut(service, history.lastOutput(), "timed out waiting for service "
                + service + " of project " + project + " to " + what + " (state " + info.state().name().toLowerCase(
                java.util.Locale.ROOT) + ", health " + info.health().status().name().toLowerCase(java.util.Locale.ROOT)
                + "); " + history.describe() + "; raise the timeout or fix the service");
    }

    private void checkCancelled() {
        if (cancellation.isCancelled()) {
            throw new P4n4Exception(ErrorCode.GENERAL, "up of project " + project + " was cancelled");
        }
    }

    /** How long until the next driven check: the interval, or faster while in the start period. */
    static Duration cadence(HealthcheckSpec check, Instant startedAt) {
        Duration interval = check.interval().isZero() ? DEFAULT_INTERVAL : check.interval();
        if (!check.startPeriod().isZero() && Instant.now().isBefore(startedAt.plus(check.startPeriod()))) {
            return interval.compareTo(START_CADENCE) < 0 ? interval : START_CADENCE;
        }
        return interval;
    }
}
