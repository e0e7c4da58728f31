package io.p4n4.api.clients.influx;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An InfluxDB bucket as listed by {@code GET /api/v2/buckets}. Immutable.
 *
 * @param id the bucket ID
 * @param orgId the ID of the organization that owns it
 * @param name the bucket name
 * @param description the description, or {@code null}
 * @param type {@code user} or {@code system} (for {@code _monitoring}, {@code _tasks})
 * @param retention how long data is kept; {@link Duration#ZERO} for forever
 * @param createdAt creation time, or {@code null}
 */
public record Bucket(String id, String orgId, String name, @Nullable String description, String type,
        Duration retention, @Nullable Instant createdAt) {

    /** Returns the description, if any. */
    public Optional<String> findDescription() {
        return Optional.ofNullable(description);
    }

    /** Returns whether data is kept forever. */
    public boolean keepsForever() {
        return retention.isZero();
    }
}
