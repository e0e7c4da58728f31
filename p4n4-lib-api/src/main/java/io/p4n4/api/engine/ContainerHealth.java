package io.p4n4.api.engine;

import java.util.Objects;

/**
 * A container's health as last observed.
 *
 * @param status the health status ({@link HealthStatus#NONE} without a healthcheck)
 * @param failingStreak consecutive failed checks
 * @param lastOutput output of the most recent check (empty when none ran); shown in timeout errors
 * @param lastExitCode exit code of the most recent check, or -1 when none ran
 */
public record ContainerHealth(HealthStatus status, int failingStreak, String lastOutput, int lastExitCode) {

    /** The health of a container without a healthcheck. */
    public static final ContainerHealth NONE = new ContainerHealth(HealthStatus.NONE, 0, "", -1);

    public ContainerHealth {
        Objects.requireNonNull(status, "status");
        lastOutput = lastOutput == null ? "" : lastOutput;
    }

    /** Creates a health value with no check output. */
    public static ContainerHealth of(HealthStatus status) {
        return new ContainerHealth(status, 0, "", -1);
    }
}
