package io.p4n4.api.engine;

import java.util.Locale;
import java.util.Objects;

/**
 * A file system mounted into a container.
 *
 * @param type bind (host path), volume (named volume, created on demand) or tmpfs
 * @param source the absolute host path or the volume name; empty for tmpfs
 * @param target the absolute path inside the container
 * @param readOnly whether the container sees it read-only
 * @param options propagation and SELinux label of a bind, no-copy of a volume, size and mode of a tmpfs
 */
public record Mount(MountType type, String source, String target, boolean readOnly, MountOptions options) {

    /** Checks the parts; options that do not belong to the type are refused. */
    public Mount {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        source = source == null ? "" : source;
        if (type != MountType.TMPFS && source.isEmpty()) {
            throw new IllegalArgumentException(type + " mount on " + target + " needs a source");
        }
        if (type != MountType.BIND && options.hasBindOptions()) {
            throw new IllegalArgumentException("propagation and SELinux labels are for bind mounts, not the "
                    + type.name().toLowerCase(Locale.ROOT) + " mount on " + target);
        }
        if (type != MountType.VOLUME && options.noCopy()) {
            throw new IllegalArgumentException("nocopy is for volume mounts, not the "
                    + type.name().toLowerCase(Locale.ROOT) + " mount on " + target);
        }
        if (type != MountType.TMPFS && options.hasTmpfsOptions()) {
            throw new IllegalArgumentException("a size and mode are for tmpfs mounts, not the "
                    + type.name().toLowerCase(Locale.ROOT) + " mount on " + target);
        }
    }

    /** A mount with the engine's default options. */
    public Mount(MountType type, String source, String target, boolean readOnly) {
        this(type, source, target, readOnly, MountOptions.NONE);
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
        return new Mount(type, source, target, true, options);
    }

    /** The same mount with {@code value} as its options. */
    public Mount withOptions(MountOptions value) {
        return new Mount(type, source, target, readOnly, value);
    }
}
