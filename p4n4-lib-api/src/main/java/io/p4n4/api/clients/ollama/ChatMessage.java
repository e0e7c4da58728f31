package io.p4n4.api.clients.ollama;

import java.util.List;
import java.util.Objects;

/**
 * One chat message.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text
 * @param images base64-encoded images (multimodal models), possibly empty
 */
public record ChatMessage(String role, String content, List<String> images) {

    /** Validates and copies. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A system message. */
    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, List.of());
    }

    /** A user message. */
    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, List.of());
    }

    /** An assistant message (for replaying history). */
    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, List.of());
    }
}
