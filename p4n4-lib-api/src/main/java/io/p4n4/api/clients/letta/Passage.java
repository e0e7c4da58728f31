package io.p4n4.api.clients.letta;

import org.jspecify.annotations.Nullable;

/**
 * One archival-memory passage.
 *
 * @param id the passage id
 * @param text the text
 * @param createdAt creation time (ISO-8601 text), or {@code null}
 */
public record Passage(String id, String text, @Nullable String createdAt) {
}
