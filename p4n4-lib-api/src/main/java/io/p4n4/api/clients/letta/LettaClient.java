package io.p4n4.api.clients.letta;

import io.p4n4.api.clients.Cancellation;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A client for one Letta server. Immutable and thread-safe; build one with
 * {@code io.p4n4.clients.ClientFactory#letta()} (which sends the server password, if any, both as
 * {@code Authorization: Bearer} and as {@code X-BARE-PASSWORD}).
 *
 * <p>Errors are {@link io.p4n4.api.ServiceException}s: USER for 401 (wrong password) and 404
 * (unknown agent), VALIDATION for 422, NETWORK when unreachable or failing. Letta processes one
 * message at a time per agent; do not send concurrent messages to the same agent.
 */
public interface LettaClient {

    /** Returns the server's health ({@code GET /v1/health/}). */
    LettaHealth health();

    /** Creates an agent ({@code POST /v1/agents/}). */
    Agent createAgent(CreateAgentRequest request);

    /**
     * Lists every agent, oldest first ({@code GET /v1/agents/}, page by page with the {@code after} cursor,
     * so none is left out past Letta's page size). Without their memory blocks.
     */
    List<Agent> agents();

    /**
     * Returns the agents with exactly this name, with their memory blocks ({@code GET /v1/agents/?name=...});
     * empty when none. Letta does not make names unique, so there may be several.
     */
    List<Agent> agentsNamed(String name);

    /** Returns an agent; USER error when it does not exist. */
    Agent agent(String agentId);

    /** Returns an agent, or empty when it does not exist. */
    Optional<Agent> findAgent(String agentId);

    /** Deletes an agent. */
    void deleteAgent(String agentId);

    /** Sends one user message and returns the whole answer. */
    LettaResponse send(String agentId, String text);

    /**
     * Sends one user message and streams the answer's parts (server-sent events, token by token) to
     * {@code onMessage} as they arrive; returns the whole answer when the stream ends, the token
     * chunks of each message joined by message id. Cancellable from any thread. An error Letta
     * reports inside the stream ({@code event: error}, an {@code error_message}, a failing
     * {@code stop_reason}) throws a {@link io.p4n4.api.ServiceException} with the server's message
     * and stop reason, after the parts that arrived.
     */
    LettaResponse send(String agentId, String text, Consumer<LettaMessage> onMessage, Cancellation cancellation);

    /**
     * Streams the answer's parts as they arrive (token chunks: several parts share a message id);
     * close the Stream. Errors inside the stream throw from it as for
     * {@link #send(String, String, Consumer, Cancellation)}.
     */
    Stream<LettaMessage> sendStream(String agentId, String text);

    /** Returns the agent's core-memory blocks. */
    List<MemoryBlock> memory(String agentId);

    /** Inserts a passage into archival memory; returns the stored passages. */
    List<Passage> insertArchival(String agentId, String text);

    /** Lists archival-memory passages, at most {@code limit}. */
    List<Passage> archival(String agentId, int limit);
}
