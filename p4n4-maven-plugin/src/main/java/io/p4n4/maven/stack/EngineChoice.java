package io.p4n4.maven.stack;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which container engine a stack runs on: the library's discovery ({@link #AUTO}), or one backend. */
public enum EngineChoice {
    /** The first engine {@code EngineDiscovery} finds ({@code P4N4_ENGINE}, {@code DOCKER_HOST}, the usual sockets). */
    AUTO,
    /** The Docker backend. */
    DOCKER,
    /** The Podman backend. */
    PODMAN;

    /**
     * The choice named {@code value} ({@code auto}, {@code docker} or {@code podman}, any case).
     *
     * @throws P4n4Exception USER naming the parameter and the accepted values for anything else
     */
    public static EngineChoice parse(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.name().equals(v)).findFirst()
                .orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "parameter engine is '" + value
                        + "'; set it to auto, docker or podman"));
    }

    /** The engine id for {@code EngineDiscovery.Builder#engineId}; empty for {@link #AUTO}. */
    public Optional<String> engineId() {
        return this == AUTO ? Optional.empty() : Optional.of(name().toLowerCase(Locale.ROOT));
    }
}
