package io.p4n4.api.clients.letta;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An agent as Letta reports it (its {@code AgentState}). Letta agents are stored, not run: there is no
 * running or stopped state, only the outcome of the last run ({@link #lastStopReason}).
 *
 * @param id the agent id, e.g. {@code agent-...}
 * @param name the name
 * @param model the model handle ({@code ollama/llama3.2:latest}), or the model name older servers
 *     report, or {@code null}
 * @param embedding the embedding handle or model name, or {@code null}
 * @param contextWindow the context window in tokens, 0 when not reported
 * @param description the description, or {@code null}
 * @param agentType e.g. {@code memgpt_v2_agent}, or {@code null}
 * @param blocks the core-memory blocks; empty when the answer did not include them
 * @param lastStopReason why the last run stopped ({@code end_turn}, {@code llm_api_error}, ...), or
 *     {@code null} when the agent never ran
 * @param lastRunCompletion when the last run completed (ISO-8601 text), or {@code null}
 * @param createdAt creation time (ISO-8601 text), or {@code null}
 */
public record Agent(String id, String name, @Nullable String model, @Nullable String embedding, int contextWindow,
        @Nullable String description, @Nullable String agentType, List<MemoryBlock> blocks,
        @Nullable String lastStopReason, @Nullable String lastRunCompletion, @Nullable String createdAt) {

    /** Copies the blocks. */
    public Agent {
        blocks = List.copyOf(blocks);
    }

    /** Returns the core-memory block with this label, if the answer included it. */
    public Optional<MemoryBlock> findBlock(String label) {
        return blocks.stream().filter(b -> b.label().equals(label)).findFirst();
    }
}
