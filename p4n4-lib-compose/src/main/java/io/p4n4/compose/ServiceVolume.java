package io.p4n4.compose;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service mount in compose's long syntax.
 *
 * @param type {@code bind}, {@code volume}, {@code tmpfs}, {@code npipe}, {@code cluster} or {@code image}
 * @param source the host path (bind, absolute unless paths were kept relative), the volume name, or
 *     {@code null} for an anonymous volume or tmpfs
 * @param target the path in the container
 * @param readOnly whether the mount is read-only
 * @param createHostPath for binds: create the host path when missing (short syntax does)
 * @param propagation for binds: {@code bind.propagation} (short syntax: {@code :rslave} ...), or {@code null}
 * @param selinux for binds: {@code bind.selinux}, {@code z} or {@code Z} (short syntax: {@code :z}), or
 *     {@code null}
 * @param noCopy for volumes: {@code volume.nocopy} (short syntax: {@code :nocopy})
 * @param tmpfsSize for tmpfs: {@code tmpfs.size} as written (bytes, or a size such as {@code 64m}), or
 *     {@code null}
 * @param tmpfsMode for tmpfs: {@code tmpfs.mode}, the permission bits, or {@code null}
 */
public record ServiceVolume(String type, @Nullable String source, String target, boolean readOnly,
        boolean createHostPath, @Nullable String propagation, @Nullable String selinux, boolean noCopy,
        @Nullable String tmpfsSize, @Nullable Integer tmpfsMode) {
    /** Checks the components. */
    public ServiceVolume {
        Objects.requireNonNull(type, "type");
    }

    /** A mount without bind, volume or tmpfs options. */
    public ServiceVolume(String type, @Nullable String source, String target, boolean readOnly,
            boolean createHostPath) {
        this(type, source, target, readOnly, createHostPath, null, null, false, null, null);
    }

    /** Returns the source, when there is one. */
    public Optional<String> findSource() {
        return Optional.ofNullable(source);
    }
}
