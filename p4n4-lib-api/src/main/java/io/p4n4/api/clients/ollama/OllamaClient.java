package io.p4n4.api.clients.ollama;

import io.p4n4.api.clients.Cancellation;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A client for one Ollama server. Implementations are immutable and thread-safe; build one with
 * {@code io.p4n4.clients.ClientFactory#ollama()}.
 *
 * <p>Every method throws {@link io.p4n4.api.ServiceException}: NETWORK when Ollama is unreachable,
 * times out, fails with 5xx (after retries for idempotent calls) or answers with malformed JSON;
 * USER for 4xx such as an unknown model (404); VALIDATION for 400.
 *
 * <p>Streaming comes in two forms: a callback ({@code onChunk}) called on the caller's thread for
 * each chunk, stoppable from any thread through a {@link Cancellation} (the call then ends with
 * {@link java.util.concurrent.CancellationException}); or a {@link Stream} that must be closed
 * (try-with-resources) and closes the connection when closed early.
 */
public interface OllamaClient {

    /** Generates a whole answer ({@code stream: false}). */
    GenerateResponse generate(GenerateRequest request);

    /**
     * Generates token by token, handing each chunk to {@code onChunk}, and returns the assembled
     * answer: the full text with the final chunk's statistics. An error Ollama reports inside the
     * stream, or a stream that ends before its last chunk, throws a
     * {@link io.p4n4.api.ServiceException} with the server's message after the chunks that arrived.
     */
    GenerateResponse generate(GenerateRequest request, Consumer<GenerateResponse> onChunk, Cancellation cancellation);

    /**
     * Generates token by token as a Stream of chunks, the last with {@code done}; close it. An error
     * inside the stream, or its end before the last chunk, throws a
     * {@link io.p4n4.api.ServiceException} from the Stream after the chunks that arrived.
     */
    Stream<GenerateResponse> generateStream(GenerateRequest request);

    /** Answers a conversation with one whole message. */
    ChatResponse chat(ChatRequest request);

    /**
     * Answers token by token to {@code onChunk}; returns the assembled message. Stream errors fail
     * as for {@link #generate(GenerateRequest, Consumer, io.p4n4.api.clients.Cancellation)}.
     */
    ChatResponse chat(ChatRequest request, Consumer<ChatResponse> onChunk, Cancellation cancellation);

    /**
     * Answers token by token as a Stream of chunks; close it. Stream errors fail as for
     * {@link #generateStream(GenerateRequest)}.
     */
    Stream<ChatResponse> chatStream(ChatRequest request);

    /** Embeds one text with the legacy {@code POST /api/embeddings}. */
    List<Double> embedding(String model, String prompt);

    /** Embeds several texts with {@code POST /api/embed}. */
    EmbedResponse embed(String model, List<String> input);

    /** Lists local models ({@code GET /api/tags}). */
    List<ModelInfo> models();

    /** Describes a model ({@code POST /api/show}); USER error when it is not present. */
    ShowResponse show(String model);

    /** Pulls a model, reporting each progress step; returns when Ollama reports success. */
    void pull(String model, Consumer<PullProgress> progress, Cancellation cancellation);

    /** Lists models loaded in memory ({@code GET /api/ps}). */
    List<RunningModel> runningModels();

    /** Returns the server version ({@code GET /api/version}); also a cheap health check. */
    String version();
}
