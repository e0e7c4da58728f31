package io.p4n4.api.score;

import java.util.Locale;
import java.util.Objects;

/**
 * What a device offers to the Scores it runs: its id, CPU architecture, operating system and
 * container runtime. Interpreters use it to refuse Scores the device cannot run. Immutable.
 *
 * @param deviceId the device id, as used in store keys
 * @param architecture the CPU architecture as the JVM names it ({@code amd64}, {@code aarch64})
 * @param os the operating system ({@code linux})
 * @param containerRuntime the container runtime ({@code podman}, {@code docker}, or {@code none})
 */
public record Topology(String deviceId, String architecture, String os, String containerRuntime) {

    /** Checks that every field is present and the device id is a valid key segment. */
    public Topology {
        DeviceIds.requireValid("device id", deviceId);
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(containerRuntime, "containerRuntime");
    }

    /** Returns the topology of the machine this JVM runs on, with the given runtime name. */
    public static Topology ofThisMachine(String deviceId, String containerRuntime) {
        return new Topology(deviceId, System.getProperty("os.arch", "unknown"),
                System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT), containerRuntime);
    }
}
