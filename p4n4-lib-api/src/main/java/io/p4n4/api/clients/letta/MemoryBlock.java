package io.p4n4.api.clients.letta;

import org.jspecify.annotations.Nullable;

/**
 * One core-memory block of an agent.
 *
 * @param id the block id, or {@code null}
 * @param label e.g. {@code persona}, {@code human}
 * @param value the block's text
 * @param limit its size limit in characters (0 when not reported)
 */
public record MemoryBlock(@Nullable String id, String label, String value, int limit) {
}
