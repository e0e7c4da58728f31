package io.p4n4.clients.router;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.net.ConnectException;
import java.util.Locale;

/** Reads a provider's failure as a {@link FailureReason}: the one place that decides on failover. */
final class Failures {
    private Failures() {
    }

    static FailureReason classify(RuntimeException e) {
        if (e instanceof RoutingException r) {
            return r.reason();
        }
        if (e instanceof ServiceException s) {
            return classify(s);
        }
        if (e instanceof P4n4Exception p && p.code() == ErrorCode.NETWORK) {
            return FailureReason.UNREACHABLE;
        }
        return FailureReason.OTHER;
    }

    private static FailureReason classify(ServiceException s) {
        int status = s.status();
        if (status == 0) {
            if (causedBy(s, ConnectException.class)) {
                return FailureReason.REFUSED;
            }
            return causedBy(s, InterruptedIOException.class) ? FailureReason.TIMEOUT : FailureReason.UNREACHABLE;
        }
        if (status >= 200 && status < 300) {
            // the answer started (200) and broke: a reset, an error line, an end before the last chunk
            return FailureReason.BROKEN_STREAM;
        }
        if (status == 429) {
            return FailureReason.RATE_LIMITED;
        }
        if (status == 408) {
            return FailureReason.TIMEOUT;
        }
        if (status >= 500) {
            return FailureReason.SERVER_ERROR;
        }
        if (status == 401 || status == 403) {
            return FailureReason.AUTH_REJECTED;
        }
        if (status == 404) {
            String said = s.serverMessage().orElse("").toLowerCase(Locale.ROOT);
            // Ollama: model "x" not found, try pulling it first; OpenAI: The model `x` does not exist
            return said.contains("model") ? FailureReason.MODEL_MISSING : FailureReason.NOT_FOUND;
        }
        return FailureReason.REJECTED;
    }

    /** How long the provider asked to be left alone ({@code Retry-After}), in nanoseconds; 0 when it did not. */
    static long retryAfterNanos(RuntimeException e) {
        return e instanceof ServiceException s ? s.retryAfter().map(Duration::toNanos).orElse(0L) : 0;
    }

    /** The project's error code of a failure; GENERAL for one that is not a {@link P4n4Exception}. */
    static ErrorCode code(RuntimeException e) {
        return e instanceof P4n4Exception p ? p.code() : ErrorCode.GENERAL;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
