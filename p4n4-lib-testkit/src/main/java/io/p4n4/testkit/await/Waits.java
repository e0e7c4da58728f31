package io.p4n4.testkit.await;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * Awaitility set up the way the project's tests poll: the condition is checked at once, then every
 * interval, in the calling thread, until it holds or the timeout fails the test. Uncaught exceptions of
 * other threads are left to those threads (Awaitility would otherwise install a global handler).
 *
 * <pre>{@code
 * private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(20));
 * WAIT.alias("the container to exit").until(() -> engine.inspectContainer(id).state() == ContainerState.EXITED);
 * }</pre>
 *
 * <p><b>Thread-safety:</b> stateless; the returned factories are immutable and may be kept in constants.
 */
public final class Waits {
    /** How often a condition is checked unless said otherwise. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(50);

    private Waits() {
    }

    /** Waits at most {@code timeout}, checking every {@link #DEFAULT_INTERVAL}. */
    public static ConditionFactory within(Duration timeout) {
        return within(timeout, DEFAULT_INTERVAL);
    }

    /** Waits at most {@code timeout}, checking at once and then every {@code interval}. */
    public static ConditionFactory within(Duration timeout, Duration interval) {
        return Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(interval)
                .pollInSameThread().dontCatchUncaughtExceptions();
    }
}
