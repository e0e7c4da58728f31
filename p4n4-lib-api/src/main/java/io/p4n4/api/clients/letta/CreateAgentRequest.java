package io.p4n4.api.clients.letta;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An agent to create, in the shape of Letta's current {@code CreateAgentRequest} ({@code POST /v1/agents/}):
 * the model and embedding are handles ({@code provider/model-name}, e.g. {@code ollama/llama3.2:latest}),
 * resolved by the server against the providers it was started with (the p4n4 ai stack starts Letta with
 * {@code OLLAMA_BASE_URL=http://ollama:11434}); core memory is given as labelled blocks. Fields left unset
 * are not sent, so Letta applies its defaults. Immutable and thread-safe; made by {@link #builder}.
 */
public final class CreateAgentRequest {
    private final String name;
    private final String model;
    private final @Nullable String embedding;
    private final int contextWindowLimit;
    private final @Nullable String system;
    private final @Nullable String description;
    private final List<MemoryBlock> memoryBlocks;
    private final List<String> tags;

    private CreateAgentRequest(Builder b) {
        this.name = b.name;
        this.model = b.model;
        this.embedding = b.embedding;
        this.contextWindowLimit = b.contextWindowLimit;
        this.system = b.system;
        this.description = b.description;
        this.memoryBlocks = List.copyOf(b.memoryBlocks);
        this.tags = List.copyOf(b.tags);
    }

    /**
     * Starts an agent {@code name} on the model with this handle ({@code provider/model-name}, e.g.
     * {@code ollama/llama3.2:latest}); NullPointerException if either is null.
     */
    public static Builder builder(String name, String model) {
        return new Builder(name, model);
    }

    /** The agent name (Letta allows letters, digits, spaces, {@code -} and {@code _}). */
    public String name() {
        return name;
    }

    /** The model handle, e.g. {@code ollama/llama3.2:latest}. */
    public String model() {
        return model;
    }

    /** The embedding model handle, or {@code null} for the server's default. */
    public @Nullable String embedding() {
        return embedding;
    }

    /** The context window limit in tokens, or 0 for the model's own. */
    public int contextWindowLimit() {
        return contextWindowLimit;
    }

    /**
     * The system prompt, or {@code null} for Letta's default of the agent type (which carries the
     * instructions for its memory tools; a persona normally goes into the {@code persona} block instead).
     */
    public @Nullable String system() {
        return system;
    }

    /** The description, or {@code null}. */
    public @Nullable String description() {
        return description;
    }

    /** The core-memory blocks to create, in order ({@link MemoryBlock#id()} is null; limit 0 = server default). */
    public List<MemoryBlock> memoryBlocks() {
        return memoryBlocks;
    }

    /** The tags. */
    public List<String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CreateAgentRequest other)) {
            return false;
        }
        return name.equals(other.name) && model.equals(other.model) && Objects.equals(embedding, other.embedding)
                && contextWindowLimit == other.contextWindowLimit && Objects.equals(system, other.system)
                && Objects.equals(description, other.description) && memoryBlocks.equals(other.memoryBlocks)
                && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, model, embedding, contextWindowLimit, system, description, memoryBlocks, tags);
    }

    @Override
    public String toString() {
        return "CreateAgentRequest[name=" + name + ", model=" + model + ", embedding=" + embedding
                + ", contextWindowLimit=" + contextWindowLimit + ", system=" + (system == null ? "default" : "set")
                + ", memoryBlocks=" + memoryBlocks.stream().map(MemoryBlock::label).toList() + ", tags=" + tags + "]";
    }

    /** Collects the fields of a {@link CreateAgentRequest}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String name;
        private final String model;
        private @Nullable String embedding;
        private int contextWindowLimit;
        private @Nullable String system;
        private @Nullable String description;
        private final List<MemoryBlock> memoryBlocks = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();

        private Builder(String name, String model) {
            this.name = Objects.requireNonNull(name, "name");
            this.model = Objects.requireNonNull(model, "model");
        }

        /** Sets the embedding model handle, e.g. {@code ollama/nomic-embed-text:latest}. */
        public Builder embedding(String handle) {
            this.embedding = Objects.requireNonNull(handle, "handle");
            return this;
        }

        /** Sets the context window limit in tokens; IllegalArgumentException unless positive. */
        public Builder contextWindowLimit(int tokens) {
            if (tokens <= 0) {
                throw new IllegalArgumentException("context window limit must be positive: " + tokens);
            }
            this.contextWindowLimit = tokens;
            return this;
        }

        /** Replaces Letta's default system prompt. */
        public Builder system(String prompt) {
            this.system = Objects.requireNonNull(prompt, "prompt");
            return this;
        }

        /** Sets the description. */
        public Builder description(String text) {
            this.description = Objects.requireNonNull(text, "text");
            return this;
        }

        /** Adds a core-memory block; {@code limit} in characters, 0 for the server's default. */
        public Builder memoryBlock(String label, String value, int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("block limit must not be negative: " + limit);
            }
            memoryBlocks.add(new MemoryBlock(null, Objects.requireNonNull(label, "label"),
                    Objects.requireNonNull(value, "value"), limit));
            return this;
        }

        /** Adds a tag. */
        public Builder tag(String tag) {
            tags.add(Objects.requireNonNull(tag, "tag"));
            return this;
        }

        /** Builds the request. */
        public CreateAgentRequest build() {
            return new CreateAgentRequest(this);
        }
    }
}
