package io.p4n4.server.engine;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;

/**
 * A stack already has an operation running, so another cannot start (the server answers 409). Code
 * {@link ErrorCode#USER}; names the running operation so the caller can follow it.
 */
public final class OperationConflictException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final String runningId;
    private final String runningKind;

    OperationConflictException(StackId stack, String runningId, String runningKind, String refusedKind) {
        super(ErrorCode.USER, "cannot start " + refusedKind + " of stack " + stack.value() + ": operation "
                + runningId + " (" + runningKind + ") is still running on it; wait for it to finish"
                + " (GET /api/v1/operations/" + runningId + ") and try again");
        this.runningId = runningId;
        this.runningKind = runningKind;
    }

    /** The id of the operation that is running. */
    public String runningId() {
        return runningId;
    }

    /** The kind of the operation that is running ({@code up}, {@code down}). */
    public String runningKind() {
        return runningKind;
    }
}
