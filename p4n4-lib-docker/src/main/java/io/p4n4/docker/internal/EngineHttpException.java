package io.p4n4.docker.internal;

/**
 * An Engine API answer with an error status, from this module's own read requests ({@link EngineJson});
 * {@link DockerErrors} treats it as it treats docker-java's exceptions of the same status.
 */
final class EngineHttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    /** @param message the server's message, without JSON wrapping */
    EngineHttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
