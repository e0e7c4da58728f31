package io.p4n4.clients.internal.influx;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;

/**
 * Collects the points of one call that could not be encoded, so that the others are still written
 * and the caller then hears about the refused ones: one bad point must not cost its batch.
 */
final class Refusals {
    private final int total;
    private P4n4Exception first;
    private int count;

    Refusals(int total) {
        this.total = total;
    }

    /** Records that point {@code index} was refused with a VALIDATION error; rethrows any other error. */
    void add(int index, P4n4Exception e) {
        if (e.code() != ErrorCode.VALIDATION) {
            throw e; // a closed writer or a full buffer: the rest would fail alike
        }
        count++;
        if (first == null) {
            first = new P4n4Exception(ErrorCode.VALIDATION, "influxdb write: point " + index + " of the " + total
                    + " given was refused (the others are written): " + e.getMessage(), e);
        }
    }

    /** Throws VALIDATION naming the first refused point and how many there were, if any. */
    void throwIfAny() {
        if (first == null) {
            return;
        }
        throw count == 1 ? first : new P4n4Exception(ErrorCode.VALIDATION, "influxdb write: " + count + " of "
                + total + " points were refused (the others are written); the first: " + first.getMessage(), first);
    }
}
