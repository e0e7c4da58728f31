package io.p4n4.api.clients.ollama;

/**
 * Timing and token counts Ollama reports on a finished generation (durations in nanoseconds); all
 * zero on intermediate streamed chunks.
 *
 * @param totalDuration time spent on the whole call
 * @param loadDuration time spent loading the model
 * @param promptEvalCount tokens in the prompt
 * @param promptEvalDuration time spent evaluating the prompt
 * @param evalCount tokens generated
 * @param evalDuration time spent generating
 */
public record Stats(long totalDuration, long loadDuration, int promptEvalCount, long promptEvalDuration,
        int evalCount, long evalDuration) {

    /** No figures (intermediate chunks). */
    public static final Stats NONE = new Stats(0, 0, 0, 0, 0, 0);

    /** Returns generated tokens per second, or 0 when unknown. */
    public double tokensPerSecond() {
        return evalDuration == 0 ? 0 : evalCount * 1e9 / evalDuration;
    }
}
