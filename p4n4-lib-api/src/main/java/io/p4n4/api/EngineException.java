package io.p4n4.api;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A container engine (Docker, Podman) is unreachable or refused an operation. Carries the engine id
 * and, where it applies, the container, network, volume or image the operation was about.
 */
public class EngineException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final @Nullable String engine;
    private final @Nullable String resource;

    /** Creates an ENGINE failure for the given engine and resource (either may be {@code null}). */
    public EngineException(@Nullable String engine, @Nullable String resource, String message,
            @Nullable Throwable cause) {
        this(ErrorCode.ENGINE, engine, resource, message, cause);
    }

    /**
     * Creates a failure with an explicit code, e.g. NETWORK for a missing external network (engine, resource
     * and cause may be {@code null}).
     */
    public EngineException(ErrorCode code, @Nullable String engine, @Nullable String resource, String message,
            @Nullable Throwable cause) {
        super(code, message, cause);
        this.engine = engine;
        this.resource = resource;
    }

    /** Returns the id of the engine that failed ({@code docker}, {@code podman}), if known. */
    public Optional<String> engine() {
        return Optional.ofNullable(engine);
    }

    /** Returns the container, network, volume or image concerned, if any. */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }
}
