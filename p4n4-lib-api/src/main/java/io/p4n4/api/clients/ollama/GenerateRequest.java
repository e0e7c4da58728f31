package io.p4n4.api.clients.ollama;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code POST /api/generate} request. Optional parts are {@code null} (or empty) when unset and
 * are then left out of the request, so Ollama applies its own defaults. Immutable and thread-safe;
 * {@link #of} for a model and a prompt, {@link #builder} for the rest.
 */
public final class GenerateRequest {
    private final String model;
    private final String prompt;
    private final @Nullable String system;
    private final @Nullable String format;
    private final Map<String, Object> options;
    private final @Nullable String keepAlive;
    private final List<String> images;
    private final boolean raw;

    private GenerateRequest(Builder b) {
        this.model = Objects.requireNonNull(b.model, "model");
        this.prompt = Objects.requireNonNull(b.prompt, "prompt");
        this.system = b.system;
        this.format = b.format;
        this.options = b.options == null ? Map.of() : Map.copyOf(b.options);
        this.keepAlive = b.keepAlive;
        this.images = b.images == null ? List.of() : List.copyOf(b.images);
        this.raw = b.raw;
    }

    /** A request with just a model and a prompt. */
    public static GenerateRequest of(String model, String prompt) {
        return builder(model, prompt).build();
    }

    /** Starts a builder. */
    public static Builder builder(String model, String prompt) {
        return new Builder(model, prompt);
    }

    /** The model, e.g. {@code llama3.2}. */
    public String model() {
        return model;
    }

    /** The prompt. */
    public String prompt() {
        return prompt;
    }

    /** A system message overriding the model's, or {@code null}. */
    public @Nullable String system() {
        return system;
    }

    /** {@code "json"} or a JSON schema as text, or {@code null}. */
    public @Nullable String format() {
        return format;
    }

    /** Model options such as {@code temperature}, {@code num_ctx}. */
    public Map<String, Object> options() {
        return options;
    }

    /** How long the model stays loaded, e.g. {@code 5m}, or {@code null}. */
    public @Nullable String keepAlive() {
        return keepAlive;
    }

    /** Base64-encoded images for multimodal models. */
    public List<String> images() {
        return images;
    }

    /** Whether to skip the prompt template. */
    public boolean raw() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GenerateRequest other)) {
            return false;
        }
        return model.equals(other.model) && prompt.equals(other.prompt) && Objects.equals(system, other.system)
                && Objects.equals(format, other.format) && options.equals(other.options)
                && Objects.equals(keepAlive, other.keepAlive) && images.equals(other.images) && raw == other.raw;
    }

    @Override
    public int hashCode() {
        return Objects.hash(model, prompt, system, format, options, keepAlive, images, raw);
    }

    @Override
    public String toString() {
        return "GenerateRequest[model=" + model + ", prompt=" + prompt + ", system=" + system + ", format=" + format
                + ", options=" + options + ", keepAlive=" + keepAlive + ", images=" + images + ", raw=" + raw + "]";
    }

    /** Builds a {@link GenerateRequest}. Not thread-safe. */
    public static final class Builder {
        private final String model;
        private final String prompt;
        private @Nullable String system;
        private @Nullable String format;
        private Map<String, Object> options = Map.of();
        private @Nullable String keepAlive;
        private List<String> images = List.of();
        private boolean raw;

        private Builder(String model, String prompt) {
            this.model = model;
            this.prompt = prompt;
        }

        /** Sets the system message. */
        public Builder system(@Nullable String value) {
            this.system = value;
            return this;
        }

        /** Sets the output format: {@code "json"} or a JSON schema. */
        public Builder format(@Nullable String value) {
            this.format = value;
            return this;
        }

        /** Sets model options. */
        public Builder options(Map<String, Object> value) {
            this.options = value;
            return this;
        }

        /** Sets how long the model stays loaded after the call. */
        public Builder keepAlive(@Nullable String value) {
            this.keepAlive = value;
            return this;
        }

        /** Sets base64-encoded images. */
        public Builder images(List<String> value) {
            this.images = value;
            return this;
        }

        /** Skips the prompt template (true) or applies it (false, the default). */
        public Builder raw(boolean value) {
            this.raw = value;
            return this;
        }

        /** Builds the request. */
        public GenerateRequest build() {
            return new GenerateRequest(this);
        }
    }
}
