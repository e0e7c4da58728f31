package io.p4n4.api.clients.ollama;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@code /api/generate} answer, or one streamed chunk of it. For a chunk, {@code response} is
 * the new text only and {@code done} is false until the last one, which carries the statistics.
 *
 * @param model the model that answered
 * @param createdAt the server's timestamp (ISO-8601 text)
 * @param response the generated text (the whole text, or this chunk's part)
 * @param done whether this is the final answer
 * @param doneReason why generation stopped ({@code stop}, {@code length}, ...), or {@code null}
 * @param context the conversation encoding to pass back for a follow-up, possibly empty
 * @param stats timing and token counts ({@link Stats#NONE} on intermediate chunks)
 */
public record GenerateResponse(String model, String createdAt, String response, boolean done,
        @Nullable String doneReason, List<Integer> context, Stats stats) {

    /** Copies the context list. */
    public GenerateResponse {
        context = context == null ? List.of() : List.copyOf(context);
    }
}
