package io.p4n4.api.clients.ollama;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code POST /api/generate} request. Optional parts are {@code null} (or empty) when unset and
 * are then left out of the request, so Ollama applies its own defaults. Immutable.
 *
 * @param model the model, e.g. {@code llama3.2}
 * @param prompt the prompt
 * @param system a system message overriding the model's, or {@code null}
 * @param format {@code "json"} or a JSON schema as text, or {@code null}
 * @param options model options such as {@code temperature}, {@code num_ctx}
 * @param keepAlive how long the model stays loaded, e.g. {@code 5m}, or {@code null}
 * @param images base64-encoded images for multimodal models
 * @param raw whether to skip the prompt template
 */
public record GenerateRequest(String model, String prompt, @Nullable String system, @Nullable String format,
        Map<String, Object> options, @Nullable String keepAlive, List<String> images, boolean raw) {

    /** Validates and copies. */
    public GenerateRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        options = options == null ? Map.of() : Map.copyOf(options);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A request with just a model and a prompt. */
    public static GenerateRequest of(String model, String prompt) {
        return builder(model, prompt).build();
    }

    /** Starts a builder. */
    public static Builder builder(String model, String prompt) {
        return new Builder(model, prompt);
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

        /** Skips the prompt template. */
        public Builder raw(boolean value) {
            this.raw = value;
            return this;
        }

        /** Builds the request. */
        public GenerateRequest build() {
            return new GenerateRequest(model, prompt, system, format, options, keepAlive, images, raw);
        }
    }
}
