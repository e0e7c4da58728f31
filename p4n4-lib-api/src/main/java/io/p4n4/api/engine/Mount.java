package io.p4n4.api.engine;

import java.util.Objects;

/**
 * A file system mounted into a container.
 *
 * @param type bind (host path), volume (named volume, created on demand) or tmpfs
 * @param source the absolute host path or the volume name; empty for tmpfs
 * @param target the absolute path inside the container
 * @param readOnly whether the container sees it read-only
 */
public record Mount(MountType type, String source, String target, boolean readOnly) {

    public Mount {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        source = source == null ? "" : source;
        if (type != MountType.TMPFS && source.isEmpty()) {
            throw new IllegalArgumentException(type + " mount on " + target + " needs a source");
        }
    }

    /** A host path mounted read-write at {@code target}; {@link #asReadOnly()} for read-only. */
    public static Mount bind(String hostPath, String target) {
        return new Mount(MountType.BIND, hostPath, target, false);
    }

    /** A named volume mounted read-write at {@code target}; {@link #asReadOnly()} for read-only. */
    public static Mount volume(String volumeName, String target) {
        return new Mount(MountType.VOLUME, volumeName, target, false);
    }

    /** A memory file system at {@code target}. */
    public static Mount tmpfs(String target) {
        return new Mount(MountType.TMPFS, "", target, false);
    }

    /** The same mount, read-only in the container. */
    public Mount asReadOnly() {
        return new Mount(type, source, target, true);
    }
}
