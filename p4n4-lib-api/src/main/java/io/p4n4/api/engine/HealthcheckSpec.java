package io.p4n4.api.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A container healthcheck, in the engines' (and compose's) form.
 *
 * @param test {@code ["CMD", exe, args...]}, {@code ["CMD-SHELL", "shell line"]} or {@code ["NONE"]}
 *             (disables the image's check)
 * @param interval time between checks (zero = engine default, 30 s)
 * @param timeout time one check may take (zero = engine default, 30 s)
 * @param retries consecutive failures before unhealthy (0 = engine default, 3)
 * @param startPeriod grace period in which failures do not count (zero = none)
 * @param startInterval time between checks during the start period (zero = {@code interval}); Docker applies
 *                      it from Engine API 1.44, so a backend that cannot apply it refuses a non-zero value
 */
public record HealthcheckSpec(List<String> test, Duration interval, Duration timeout, int retries,
                              Duration startPeriod, Duration startInterval) {

    public HealthcheckSpec {
        test = List.copyOf(Objects.requireNonNull(test, "test"));
        if (test.isEmpty()) {
            throw new IllegalArgumentException("healthcheck test must not be empty; use disabled()");
        }
        String kind = test.get(0);
        if (!kind.equals("CMD") && !kind.equals("CMD-SHELL") && !kind.equals("NONE")) {
            throw new IllegalArgumentException("healthcheck test must start with CMD, CMD-SHELL or NONE, not " + kind);
        }
        interval = interval == null ? Duration.ZERO : interval;
        timeout = timeout == null ? Duration.ZERO : timeout;
        startPeriod = startPeriod == null ? Duration.ZERO : startPeriod;
        startInterval = startInterval == null ? Duration.ZERO : startInterval;
    }

    /** A check with no {@code startInterval} (checks run on {@code interval} from the start). */
    public HealthcheckSpec(List<String> test, Duration interval, Duration timeout, int retries, Duration startPeriod) {
        this(test, interval, timeout, retries, startPeriod, Duration.ZERO);
    }

    /** A shell-line check ({@code CMD-SHELL}) with the given interval, timeout and retries. */
    public static HealthcheckSpec shell(String line, Duration interval, Duration timeout, int retries) {
        return new HealthcheckSpec(List.of("CMD-SHELL", line), interval, timeout, retries, Duration.ZERO);
    }

    /** Disables any healthcheck the image declares. */
    public static HealthcheckSpec disabled() {
        return new HealthcheckSpec(List.of("NONE"), Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
    }

    /** Returns true when this spec turns checks off. */
    public boolean isDisabled() {
        return test.get(0).equals("NONE");
    }
}
