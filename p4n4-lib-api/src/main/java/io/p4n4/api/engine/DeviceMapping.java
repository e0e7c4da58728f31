package io.p4n4.api.engine;

import java.util.Objects;

/**
 * A host device made available inside a container.
 *
 * @param hostPath e.g. {@code /dev/video0}
 * @param containerPath the path inside the container (usually the same)
 * @param permissions cgroup permissions, {@code "rwm"} by default
 */
public record DeviceMapping(String hostPath, String containerPath, String permissions) {

    public DeviceMapping {
        Objects.requireNonNull(hostPath, "hostPath");
        containerPath = containerPath == null || containerPath.isEmpty() ? hostPath : containerPath;
        permissions = permissions == null || permissions.isEmpty() ? "rwm" : permissions;
    }

    /** The host device at the same path inside, with {@code rwm} permissions. */
    public static DeviceMapping of(String hostPath) {
        return new DeviceMapping(hostPath, hostPath, "rwm");
    }
}
