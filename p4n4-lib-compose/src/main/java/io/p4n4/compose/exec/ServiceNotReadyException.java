package io.p4n4.compose.exec;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service did not become ready: its healthcheck failed or never passed in time, or it exited.
 * Code {@link ErrorCode#ENGINE}. Carries the service and the last healthcheck output, if any.
 */
public final class ServiceNotReadyException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String lastHealthOutput;
    private final boolean timedOut;

    private ServiceNotReadyException(String service, @Nullable String lastHealthOutput, boolean timedOut, String message) {
        super(ErrorCode.ENGINE, message);
        this.service = service;
        this.lastHealthOutput = lastHealthOutput == null ? "" : lastHealthOutput;
        this.timedOut = timedOut;
    }

    /** The service failed outright: unhealthy, or exited; {@code lastHealthOutput} may be empty. */
    public static ServiceNotReadyException failed(String service, String lastHealthOutput, String message) {
        return new ServiceNotReadyException(service, lastHealthOutput, false, message);
    }

    /** The timeout ran out before the service was ready; {@code lastHealthOutput} may be empty. */
    public static ServiceNotReadyException timedOut(String service, String lastHealthOutput, String message) {
        return new ServiceNotReadyException(service, lastHealthOutput, true, message);
    }

    /** The service that is not ready. */
    public String service() {
        return service;
    }

    /** The output of its last healthcheck, when it has one and it ran. */
    public Optional<String> findLastHealthOutput() {
        return lastHealthOutput.isEmpty() ? Optional.empty() : Optional.of(lastHealthOutput);
    }

    /** Whether the timeout ran out (rather than the service failing outright). */
    public boolean timedOut() {
        return timedOut;
    }
}
