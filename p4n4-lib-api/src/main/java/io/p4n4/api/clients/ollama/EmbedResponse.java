package io.p4n4.api.clients.ollama;

import java.util.List;

/**
 * The answer of {@code POST /api/embed}: one vector per input, in input order.
 *
 * @param model the model
 * @param embeddings the vectors
 * @param totalDuration nanoseconds spent
 * @param promptEvalCount tokens read
 */
public record EmbedResponse(String model, List<List<Double>> embeddings, long totalDuration, int promptEvalCount) {

    /** Copies the vectors. */
    public EmbedResponse {
        embeddings = embeddings.stream().map(List::copyOf).toList();
    }
}
