package io.p4n4.api.clients.letta;

import java.util.Objects;

/**
 * A Letta agent persona of the p4n4 ai stack, as one {@code letta/agents/<name>.toml} file declares it
 * (read by {@code io.p4n4.clients.LettaPersonas}). The agent Letta makes of it has the persona's name,
 * runs {@link #model} on the ai stack's Ollama, and starts with two core-memory blocks: {@code persona}
 * (the {@link #systemPrompt}, which Letta places in the agent's system prompt) and {@code human}.
 * Immutable and thread-safe.
 *
 * @param name the agent name: the file's name without {@code .toml}, e.g. {@code site-monitor}
 * @param displayName the name shown to people, e.g. {@code Site Monitor}
 * @param description what the agent is for
 * @param model the preferred Ollama model as {@code ollama list} names it, e.g. {@code llama3.2:latest}
 * @param systemPrompt who the agent is and how it behaves (its {@code persona} block)
 * @param human what the agent knows about the people it talks to (its {@code human} block)
 * @param contextWindow the context window limit in tokens
 * @param embeddingModel the Ollama embedding model for archival memory, e.g. {@code nomic-embed-text:latest}
 * @param blockLimit the size limit of each core-memory block, in characters
 */
public record LettaPersona(String name, String displayName, String description, String model, String systemPrompt,
        String human, int contextWindow, String embeddingModel, int blockLimit) {

    /** The provider part of the handles of the ai stack's Ollama models. */
    public static final String OLLAMA = "ollama/";

    /** Checks that nothing is null. */
    public LettaPersona {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(human, "human");
        Objects.requireNonNull(embeddingModel, "embeddingModel");
    }

    /** The model handle Letta resolves on its Ollama provider, e.g. {@code ollama/llama3.2:latest}. */
    public String modelHandle() {
        return OLLAMA + model;
    }

    /** The embedding handle, e.g. {@code ollama/nomic-embed-text:latest}. */
    public String embeddingHandle() {
        return OLLAMA + embeddingModel;
    }

    /** The request that creates this persona's agent. */
    public CreateAgentRequest createRequest() {
        return CreateAgentRequest.builder(name, modelHandle()).embedding(embeddingHandle())
                .contextWindowLimit(contextWindow).description(description)
                .memoryBlock("persona", systemPrompt, blockLimit).memoryBlock("human", human, blockLimit).build();
    }
}
