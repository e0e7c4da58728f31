package io.p4n4.api.score;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A change seen by a {@link DesiredStateStore} watch. Immutable.
 *
 * @param operation what happened to the key
 * @param device the device id
 * @param deployment the deployment name
 * @param value the new Score JSON for PUT, {@code null} for DELETE and PURGE
 * @param revision the store revision of the change
 */
public record DesiredStateEvent(Operation operation, String device, String deployment, @Nullable String value,
        long revision) {

    /** What happened to a key. */
    public enum Operation {
        /** A Score was written. */
        PUT,
        /** The Score was deleted (a tombstone remains). */
        DELETE,
        /** The Score and its history were purged. */
        PURGE
    }

    /** Checks the fields. */
    public DesiredStateEvent {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(deployment, "deployment");
    }
}
