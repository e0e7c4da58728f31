package io.p4n4.api.clients.ollama;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@code POST /api/chat} request. Immutable.
 *
 * @param model the model
 * @param messages the conversation so far, oldest first
 * @param format {@code "json"} or a JSON schema as text, or {@code null}
 * @param options model options
 * @param keepAlive how long the model stays loaded, or {@code null}
 */
public record ChatRequest(String model, List<ChatMessage> messages, @Nullable String format,
        Map<String, Object> options, @Nullable String keepAlive) {

    /** Validates and copies. */
    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A request with a model and messages and Ollama's defaults for the rest. */
    public static ChatRequest of(String model, List<ChatMessage> messages) {
        return new ChatRequest(model, messages, null, Map.of(), null);
    }

    /** Returns a copy with {@code options}. */
    public ChatRequest withOptions(Map<String, Object> value) {
        return new ChatRequest(model, messages, format, value, keepAlive);
    }

    /** Returns a copy with the output {@code format}. */
    public ChatRequest withFormat(@Nullable String value) {
        return new ChatRequest(model, messages, value, options, keepAlive);
    }

    /** Returns a copy with {@code keepAlive}. */
    public ChatRequest withKeepAlive(@Nullable String value) {
        return new ChatRequest(model, messages, format, options, value);
    }
}
