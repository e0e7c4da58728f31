package io.p4n4.clients.router;

import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.PullProgress;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * How one chat call is made: whole or streamed (with the consumer of its chunks), its cancellation, and
 * where a provider reports the progress of a model pull it does first. Immutable and thread-safe if the
 * consumers are.
 */
public final class ChatCall {
    private static final Consumer<PullProgress> NO_PROGRESS = p -> { };

    private final @Nullable Consumer<ChatResponse> onChunk;
    private final Cancellation cancellation;
    private final Consumer<PullProgress> pullProgress;

    private ChatCall(@Nullable Consumer<ChatResponse> onChunk, Cancellation cancellation,
            Consumer<PullProgress> pullProgress) {
        this.onChunk = onChunk;
        this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
        this.pullProgress = Objects.requireNonNull(pullProgress, "pullProgress");
    }

    /** A call for one whole answer. */
    public static ChatCall whole() {
        return new ChatCall(null, Cancellation.create(), NO_PROGRESS);
    }

    /** A call streamed to {@code onChunk}, stoppable through {@code cancellation}. */
    public static ChatCall streaming(Consumer<ChatResponse> onChunk, Cancellation cancellation) {
        return new ChatCall(Objects.requireNonNull(onChunk, "onChunk"), cancellation, NO_PROGRESS);
    }

    /** Returns a copy that reports pull progress to {@code progress}. */
    public ChatCall withPullProgress(Consumer<PullProgress> progress) {
        return new ChatCall(onChunk, cancellation, progress);
    }

    /** Returns a copy streaming to {@code chunks} instead (no-op for a whole call). */
    ChatCall withChunks(Consumer<ChatResponse> chunks) {
        return onChunk == null ? this : new ChatCall(chunks, cancellation, pullProgress);
    }

    /** Returns whether the answer is streamed chunk by chunk. */
    public boolean streaming() {
        return onChunk != null;
    }

    /** Hands one streamed chunk on (ignored by a whole call). */
    public void chunk(ChatResponse chunk) {
        if (onChunk != null) {
            onChunk.accept(chunk);
        }
    }

    /** Returns the cancellation handle of the call. */
    public Cancellation cancellation() {
        return cancellation;
    }

    /** Reports one step of a model pull made before answering. */
    public void pullProgress(PullProgress progress) {
        pullProgress.accept(progress);
    }
}
