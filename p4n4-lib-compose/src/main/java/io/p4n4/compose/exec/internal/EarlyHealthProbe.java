package io.p4n4.compose.exec.internal;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.HealthcheckSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a container's healthcheck test by {@code exec}, the way the engine would, before the engine has
 * reported a result. Docker runs its first check only one {@code interval} after start (Docker before 25
 * has no {@code start_interval}), so a chain of {@code service_healthy} dependencies otherwise waits a
 * whole interval per link. A pass releases the dependents; a failure counts for nothing (only the
 * engine's verdict makes a service unhealthy). Thread-safe.
 */
final class EarlyHealthProbe {
    /** First retry delay after a failed probe; doubles up to {@link #MAX_BACKOFF}. */
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Probes run here so a hanging test cannot hold the waiter past its deadline. */
    private static final ExecutorService PROBES = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "p4n4-health-probe");
        t.setDaemon(true);
        return t;
    });

    private final ContainerEngine engine;

    EarlyHealthProbe(ContainerEngine engine) {
        this.engine = engine;
    }

    /** The command the engine runs for {@code check}: CMD's arguments, or CMD-SHELL's line under /bin/sh. */
    static Optional<List<String>> command(HealthcheckSpec check) {
        List<String> test = check.test();
        if (test.get(0).equals("CMD") && test.size() > 1) {
            return Optional.of(test.subList(1, test.size()));
        }
        if (test.get(0).equals("CMD-SHELL") && test.size() > 1) {
            return Optional.of(List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size()))));
        }
        return Optional.empty();
    }

    /** The delay before the next probe after {@code failures} failed ones. */
    static Duration backoff(int failures) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(failures, 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }

    /**
     * Runs the check once; the result, or empty when it could not tell (no command, timed out, the exec
     * itself failed). Waits at most the check's timeout and never past {@code deadlineNanos}.
     */
    Optional<ExecResult> run(String container, HealthcheckSpec check, long deadlineNanos)
            throws InterruptedException {
        Optional<List<String>> command = command(check);
        if (command.isEmpty()) {
            return Optional.empty();
        }
        long timeout = Math.min((check.timeout().isZero() ? DEFAULT_TIMEOUT : check.timeout()).toNanos(),
                deadlineNanos - System.nanoTime());
        if (timeout <= 0) {
            return Optional.empty();
        }
        CompletableFuture<ExecResult> run = CompletableFuture.supplyAsync(
                () -> engine.exec(container, command.get()), PROBES);
        try {
            return Optional.of(run.get(timeout, TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            run.cancel(true);
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof P4n4Exception) {
                // The container stopped or the exec was refused; the waiter's next inspect says why.
                return Optional.empty();
            }
            throw new IllegalStateException("healthcheck probe of " + container + " failed", e.getCause());
        }
    }
}
