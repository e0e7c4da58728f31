package io.p4n4.api.clients.letta;

import org.jspecify.annotations.Nullable;

/**
 * An agent as Letta reports it.
 *
 * @param id the agent id, e.g. {@code agent-...}
 * @param name the name
 * @param model the model handle or name, or {@code null}
 * @param agentType e.g. {@code memgpt_agent}, or {@code null}
 * @param createdAt creation time (ISO-8601 text), or {@code null}
 */
public record Agent(String id, String name, @Nullable String model, @Nullable String agentType,
        @Nullable String createdAt) {
}
