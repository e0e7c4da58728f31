package io.p4n4.api.clients.ollama;

import org.jspecify.annotations.Nullable;

/**
 * A {@code /api/chat} answer, or one streamed chunk of it (then {@code message.content} is the new
 * text only and {@code done} is false until the last chunk).
 *
 * @param model the model that answered
 * @param createdAt the server's timestamp (ISO-8601 text)
 * @param message the assistant's message
 * @param done whether this is the final answer
 * @param doneReason why generation stopped, or {@code null}
 * @param stats timing and token counts
 */
public record ChatResponse(String model, String createdAt, ChatMessage message, boolean done,
        @Nullable String doneReason, Stats stats) {
}
