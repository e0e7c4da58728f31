package io.p4n4.agent.nats.internal;

import io.nats.client.JetStreamApiException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;

/** Maps jnats failures onto the error taxonomy, naming the servers and the bucket. */
public final class NatsErrors {

    /** JetStream's "wrong last sequence": a compare-and-set lost. */
    public static final int WRONG_LAST_SEQUENCE = 10071;
    /** JetStream's "stream not found": the bucket does not exist. */
    public static final int STREAM_NOT_FOUND = 10059;
    /** JetStream's "stream name already in use": someone created the bucket first. */
    public static final int STREAM_NAME_IN_USE = 10058;
    /** JetStream's "subjects overlap with an existing stream": also what a create racing another one may get. */
    public static final int SUBJECTS_OVERLAP = 10065;

    private NatsErrors() {
    }

    /**
     * Returns a NETWORK error for a failed operation; restores the interrupt flag if needed. A cause that is
     * already a {@link P4n4Exception} (the store's own "not reachable (yet)") is returned as it is: it names the
     * servers and says what to check, and wrapping it would say both twice.
     */
    public static P4n4Exception failure(String servers, String bucket, String what, Exception cause) {
        if (cause instanceof P4n4Exception own) {
            return own;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String detail = cause instanceof JetStreamApiException api
                ? api.getErrorDescription() + " (JetStream error " + api.getApiErrorCode() + ")"
                : String.valueOf(cause.getMessage());
        return new P4n4Exception(ErrorCode.NETWORK, "NATS " + servers + ", KV bucket '" + bucket + "': " + what
                + " failed: " + detail + "; check that nats-server runs with JetStream (-js) and is reachable",
                cause);
    }

    /**
     * Returns the error for a failed operation, saying why when the server refused it: a permissions
     * violation seen within {@code window} (USER: the client's NATS user may not do this), or a refused
     * connection (USER: credentials or TLS), else {@link #failure(String, String, String, Exception)}.
     *
     * @param who the credentials in use, described without secrets ({@code NatsCredentials.describe()})
     * @param mentions what the refused subject contains for this operation (its key, its filter, its stream)
     */
    public static P4n4Exception failure(String servers, String bucket, String what, Exception cause,
            ConnectionProblems problems, java.time.Duration window, String who, String mentions) {
        var violation = problems.recentPermissionViolation(window.toNanos(), mentions);
        if (violation.isPresent()) {
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new P4n4Exception(ErrorCode.USER, "NATS " + servers + ", KV bucket '" + bucket + "': " + what
                    + " was refused: " + violation.get() + ". The NATS user (" + who + ") may not do this; check"
                    + " its permissions in the server's authorization block (docs/nats-security.md)", cause);
        }
        var refusal = problems.connectRefusal();
        if (refusal.isPresent()) {
            return refused(servers, refusal.get(), who);
        }
        return failure(servers, bucket, what, cause);
    }

    /** Returns the USER error for a connection the server refused (credentials or TLS). */
    public static P4n4Exception refused(String servers, String refusal, String who) {
        return new P4n4Exception(ErrorCode.USER, "NATS " + servers + " refused the connection (" + who + "): "
                + refusal + "; check that the credentials match the server's authorization and, with TLS, that"
                + " the CA, the client certificate and the server's host name fit (docs/nats-security.md)");
    }

    /** Returns whether the exception is JetStream's error {@code code}. */
    public static boolean is(Exception e, int code) {
        return e instanceof JetStreamApiException api && api.getApiErrorCode() == code;
    }
}
