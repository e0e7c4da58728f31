package io.p4n4.api.score;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;

/**
 * A compare-and-set write lost: the key changed since the revision the writer expected, so writing
 * would have overwritten someone else's update. Re-read the key and decide again.
 */
public class RevisionConflictException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final long expectedRevision;

    /** Creates the exception for {@code key}, which was expected at {@code expectedRevision}. */
    public RevisionConflictException(String key, long expectedRevision, Throwable cause) {
        super(ErrorCode.VALIDATION, "key '" + key + "' changed since revision " + expectedRevision
                + " (another publisher wrote it): re-read it and publish again", cause);
        this.key = key;
        this.expectedRevision = expectedRevision;
    }

    /** Returns the key that changed. */
    public String key() {
        return key;
    }

    /** Returns the revision the writer expected (0: expected the key to be absent). */
    public long expectedRevision() {
        return expectedRevision;
    }
}
