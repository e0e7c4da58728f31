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
 */
public record ServiceVolume(String type, @Nullable String source, String target, boolean readOnly,
        boolean createHostPath) {
    /** Checks the components. */
    public ServiceVolume {
        Objects.requireNonNull(type, "type");
    }

    /** Returns the source, when there is one. */
    public Optional<String> findSource() {
        return Optional.ofNullable(source);
    }
}
