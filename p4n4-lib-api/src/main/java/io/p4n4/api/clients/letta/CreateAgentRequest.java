package io.p4n4.api.clients.letta;

import java.util.Objects;

/**
 * An agent to create, in the shape of the p4n4 persona schema (one {@code letta/agents/<persona>.toml}
 * per persona): the persona and human texts become the agent's {@code persona} and {@code human}
 * core-memory blocks; model and embedding run on Ollama by default. Immutable.
 *
 * @param name the agent name
 * @param persona the persona system prompt
 * @param human what the agent knows about its user
 * @param model the Ollama model, e.g. {@code mistral:7b}
 * @param modelEndpointType the model provider, e.g. {@code ollama}
 * @param modelEndpoint where the model provider answers, e.g. {@code http://ollama:11434}
 * @param contextWindow the context window in tokens
 * @param embeddingModel the embedding model, e.g. {@code nomic-embed-text}
 * @param embeddingEndpointType the embedding provider, e.g. {@code ollama}
 */
public record CreateAgentRequest(String name, String persona, String human, String model, String modelEndpointType,
        String modelEndpoint, int contextWindow, String embeddingModel, String embeddingEndpointType) {

    /** Validates. */
    public CreateAgentRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(model, "model");
        human = human == null ? "" : human;
    }

    /**
     * A persona on the p4n4 AI stack's Ollama ({@code http://ollama:11434} inside {@code p4n4-net}),
     * 8192-token context and {@code nomic-embed-text} embeddings.
     */
    public static CreateAgentRequest onOllama(String name, String persona, String human, String model) {
        return new CreateAgentRequest(name, persona, human, model, "ollama", "http://ollama:11434", 8192,
                "nomic-embed-text", "ollama");
    }
}
