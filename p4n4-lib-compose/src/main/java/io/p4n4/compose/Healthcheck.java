package io.p4n4.compose;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service healthcheck with parsed durations.
 *
 * @param test the command, e.g. {@code [CMD-SHELL, "curl -f http://localhost"]} or {@code [CMD, ...]};
 *     {@code [NONE]} or empty when disabled
 * @param interval time between checks, or {@code null} for the engine's default
 * @param timeout time one check may take, or {@code null}
 * @param startPeriod grace time after start, or {@code null}
 * @param startInterval time between checks during the start period, or {@code null}
 * @param retries failures in a row before unhealthy, or {@code null}
 * @param disabled whether the image's healthcheck is switched off
 */
public record Healthcheck(List<String> test, @Nullable Duration interval, @Nullable Duration timeout,
        @Nullable Duration startPeriod, @Nullable Duration startInterval, @Nullable Integer retries, boolean disabled) {
    /** Copies the test list. */
    public Healthcheck {
        test = List.copyOf(test);
    }

    /** Returns the interval, when set. */
    public Optional<Duration> findInterval() {
        return Optional.ofNullable(interval);
    }

    /** Returns the retries, when set. */
    public Optional<Integer> findRetries() {
        return Optional.ofNullable(retries);
    }
}
