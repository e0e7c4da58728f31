package io.p4n4.agent.score;

import io.p4n4.api.score.DeviceIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a signature covers: the place a Score is meant for (bucket and full key
 * {@code <device>.<deployment>}), its generation (only ever increases per key), when it was issued,
 * until when it may be applied, and the Score itself, or nothing for a tombstone (a signed delete).
 * See docs/scores.md for the wire form. Immutable.
 *
 * @param bucket the KV bucket, e.g. {@code desired-state}
 * @param key the full key, {@code <device>.<deployment>}
 * @param generation 1 or more, at most 2^53 - 1 (a JSON number every language reads exactly)
 * @param issuedAt when the publisher signed it (whole seconds)
 * @param expiresAt after this instant agents refuse to apply it, or {@code null} for never
 * @param scoreJson the Score document {@code {"type","data"}} in RFC 8785 form, or {@code null} for a
 *     tombstone
 */
public record ScoreEnvelope(String bucket, String key, long generation, Instant issuedAt,
        @Nullable Instant expiresAt, @Nullable String scoreJson) {

    /** The largest generation: 2^53 - 1, the largest integer an IEEE 754 double holds exactly. */
    public static final long MAX_GENERATION = (1L << 53) - 1;

    /** Checks the fields and truncates the instants to whole seconds. */
    public ScoreEnvelope {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (generation < 1 || generation > MAX_GENERATION) {
            throw new IllegalArgumentException("generation must be 1.." + MAX_GENERATION + ", not " + generation);
        }
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.SECONDS);
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Returns an envelope for {@code <device>.<deployment>} holding the Score (canonical JSON). */
    public static ScoreEnvelope of(String bucket, String device, String deployment, long generation,
            Instant issuedAt, @Nullable Instant expiresAt, @Nullable String scoreJson) {
        DeviceIds.requireValid("device id", device);
        DeviceIds.requireValid("deployment name", deployment);
        return new ScoreEnvelope(bucket, device + "." + deployment, generation, issuedAt, expiresAt, scoreJson);
    }

    /** Returns whether this is a tombstone: a signed request to remove the deployment. */
    public boolean tombstone() {
        return scoreJson == null;
    }
}
