package io.p4n4.api.score;

import java.util.Objects;

/**
 * One entry of the desired-state store: the Score string stored for a device's deployment and its
 * revision. The string is compared as is to detect change. Immutable.
 *
 * @param device the device id
 * @param deployment the deployment name
 * @param value the stored Score JSON (canonical form, possibly signed)
 * @param revision the store's revision of this entry (increases with every write to the bucket)
 */
public record StoredScore(String device, String deployment, String value, long revision) {

    /** Checks the fields. */
    public StoredScore {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(value, "value");
    }
}
