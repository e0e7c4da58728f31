package io.p4n4.compose;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A published or exposed port in compose's long syntax (short syntax and ranges are expanded).
 *
 * @param name the port's name, or {@code null}
 * @param mode {@code ingress} (default) or {@code host}
 * @param hostIp the host address to bind, or {@code null} for all
 * @param target the container port
 * @param published the host port or range as compose keeps it (a string), or {@code null} when not published
 * @param protocol {@code tcp} (default) or {@code udp}
 * @param appProtocol the application protocol hint, or {@code null}
 */
public record ServicePort(@Nullable String name, String mode, @Nullable String hostIp, int target,
        @Nullable String published, String protocol, @Nullable String appProtocol) {
    /** Checks the components. */
    public ServicePort {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** Returns the host port, when the port is published. */
    public Optional<String> findPublished() {
        return Optional.ofNullable(published);
    }
}
