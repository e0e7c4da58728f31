package io.p4n4.api.clients.letta;

import java.util.Objects;

/**
 * An agent to create, in the shape of the p4n4 persona schema (one {@code letta/agents/<persona>.toml}
 * per persona): the persona and human texts become the agent's {@code persona} and {@code human}
 * core-memory blocks; model and embedding run on Ollama by default. Immutable and thread-safe;
 * {@link #onOllama} for the p4n4 AI stack, {@link #builder} for other providers.
 */
public final class CreateAgentRequest {
    private final String name;
    private final String persona;
    private final String human;
    private final String model;
    private final String modelEndpointType;
    private final String modelEndpoint;
    private final int contextWindow;
    private final String embeddingModel;
    private final String embeddingEndpointType;

    private CreateAgentRequest(Builder b) {
        this.name = b.name;
        this.persona = b.persona;
        this.human = b.human == null ? "" : b.human;
        this.model = b.model;
        this.modelEndpointType = b.modelEndpointType;
        this.modelEndpoint = b.modelEndpoint;
        this.contextWindow = b.contextWindow;
        this.embeddingModel = b.embeddingModel;
        this.embeddingEndpointType = b.embeddingEndpointType;
    }

    /**
     * Starts an agent {@code name} with the {@code persona} system prompt on {@code model}, with the defaults
     * of {@link #onOllama} for everything else.
     */
    public static Builder builder(String name, String persona, String model) {
        return new Builder(name, persona, model);
    }

    /**
     * A persona on the p4n4 AI stack's Ollama ({@code http://ollama:11434} inside {@code p4n4-net}),
     * 8192-token context and {@code nomic-embed-text} embeddings.
     */
    public static CreateAgentRequest onOllama(String name, String persona, String human, String model) {
        return builder(name, persona, model).human(human).build();
    }

    /** The agent name. */
    public String name() {
        return name;
    }

    /** The persona system prompt. */
    public String persona() {
        return persona;
    }

    /** What the agent knows about its user ({@code ""} if nothing). */
    public String human() {
        return human;
    }

    /** The model, e.g. {@code mistral:7b}. */
    public String model() {
        return model;
    }

    /** The model provider, e.g. {@code ollama}. */
    public String modelEndpointType() {
        return modelEndpointType;
    }

    /** Where the model provider answers, e.g. {@code http://ollama:11434}. */
    public String modelEndpoint() {
        return modelEndpoint;
    }

    /** The context window in tokens. */
    public int contextWindow() {
        return contextWindow;
    }

    /** The embedding model, e.g. {@code nomic-embed-text}. */
    public String embeddingModel() {
        return embeddingModel;
    }

    /** The embedding provider, e.g. {@code ollama}. */
    public String embeddingEndpointType() {
        return embeddingEndpointType;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CreateAgentRequest other)) {
            return false;
        }
        return name.equals(other.name) && persona.equals(other.persona) && human.equals(other.human)
                && model.equals(other.model) && Objects.equals(modelEndpointType, other.modelEndpointType)
                && Objects.equals(modelEndpoint, other.modelEndpoint) && contextWindow == other.contextWindow
                && Objects.equals(embeddingModel, other.embeddingModel)
                && Objects.equals(embeddingEndpointType, other.embeddingEndpointType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, persona, human, model, modelEndpointType, modelEndpoint, contextWindow,
                embeddingModel, embeddingEndpointType);
    }

    @Override
    public String toString() {
        return "CreateAgentRequest[name=" + name + ", persona=" + persona + ", human=" + human + ", model=" + model
                + ", modelEndpointType=" + modelEndpointType + ", modelEndpoint=" + modelEndpoint
                + ", contextWindow=" + contextWindow + ", embeddingModel=" + embeddingModel
                + ", embeddingEndpointType=" + embeddingEndpointType + "]";
    }

    /** Collects the fields of a {@link CreateAgentRequest}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String name;
        private final String persona;
        private final String model;
        private String human = "";
        private String modelEndpointType = "ollama";
        private String modelEndpoint = "http://ollama:11434";
        private int contextWindow = 8192;
        private String embeddingModel = "nomic-embed-text";
        private String embeddingEndpointType = "ollama";

        private Builder(String name, String persona, String model) {
            this.name = Objects.requireNonNull(name, "name");
            this.persona = Objects.requireNonNull(persona, "persona");
            this.model = Objects.requireNonNull(model, "model");
        }

        /** Sets what the agent knows about its user. */
        public Builder human(String value) {
            this.human = value;
            return this;
        }

        /** Sets the model provider (default {@code ollama}). */
        public Builder modelEndpointType(String value) {
            this.modelEndpointType = value;
            return this;
        }

        /** Sets where the model provider answers (default {@code http://ollama:11434}). */
        public Builder modelEndpoint(String value) {
            this.modelEndpoint = value;
            return this;
        }

        /** Sets the context window in tokens (default 8192). */
        public Builder contextWindow(int value) {
            this.contextWindow = value;
            return this;
        }

        /** Sets the embedding model (default {@code nomic-embed-text}). */
        public Builder embeddingModel(String value) {
            this.embeddingModel = value;
            return this;
        }

        /** Sets the embedding provider (default {@code ollama}). */
        public Builder embeddingEndpointType(String value) {
            this.embeddingEndpointType = value;
            return this;
        }

        /** Builds the request. */
        public CreateAgentRequest build() {
            return new CreateAgentRequest(this);
        }
    }
}
