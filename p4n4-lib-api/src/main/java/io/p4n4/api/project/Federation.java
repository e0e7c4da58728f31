package io.p4n4.api.project;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The optional {@code federation} block of a manifest: whether this site is a hub or a spoke, and
 * which topics a spoke forwards. Immutable and thread-safe.
 *
 * @param role hub or spoke
 * @param hubUrl where the hub listens (for spokes), or {@code null}
 * @param siteId this site's id, not empty
 * @param topicsForwarded MQTT topic filters a spoke forwards to its hub
 */
public record Federation(Role role, @Nullable URI hubUrl, String siteId, List<String> topicsForwarded) {

    /** The part a site plays in a federation. */
    public enum Role {
        /** Receives telemetry from spokes. */
        HUB,
        /** Forwards telemetry to a hub. */
        SPOKE;

        /** Returns the manifest spelling: {@code hub} or {@code spoke}. */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Validates the block. */
    public Federation {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(siteId, "siteId");
        if (siteId.isEmpty()) {
            throw new IllegalArgumentException("federation site_id must not be empty");
        }
        topicsForwarded = topicsForwarded == null ? List.of() : List.copyOf(topicsForwarded);
    }

    /** Creates a block without hub URL and forwarded topics. */
    public static Federation of(Role role, String siteId) {
        return new Federation(role, null, siteId, List.of());
    }

    /** Returns the hub URL, if set. */
    public Optional<URI> findHubUrl() {
        return Optional.ofNullable(hubUrl);
    }
}
