package io.p4n4.api;

import java.util.Optional;

/**
 * A container engine (Docker, Podman) is unreachable or refused an operation. Carries the engine id
 * and, where it applies, the container, network, volume or image the operation was about.
 */
public class EngineException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final String engine;
    private final String resource;

    /** Creates an ENGINE failure for the given engine and resource (either may be {@code null}). */
    public EngineException(String engine, String resource, String message, Throwable cause) {
        this(ErrorCode.ENGINE, engine, resource, message, cause);
    }

    /** Creates a failure with an explicit code, e.g. NETWORK for a missing external network. */
    public EngineException(ErrorCode code, String engine, String resource, String message, Throwable cause) {
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
