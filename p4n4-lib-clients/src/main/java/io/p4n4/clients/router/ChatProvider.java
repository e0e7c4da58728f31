package io.p4n4.clients.router;

import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;

/**
 * Something that answers a chat: the local Ollama ({@link OllamaChatProvider}), an OpenAI-compatible
 * endpoint ({@code ClientFactory.openAiCompatible()}), or a {@link ChatRouter} (so routers nest).
 * Implementations are thread-safe.
 *
 * <p>Failures are {@link io.p4n4.api.P4n4Exception}s; the router reads a
 * {@link io.p4n4.api.ServiceException}'s status and cause, or the {@link FailureReason} of a
 * {@link RoutingException}, to decide whether to try the next provider.
 */
public interface ChatProvider {

    /** Returns the provider's id, unique within a router, used in records, events and messages. */
    String id();

    /** Returns the model this provider answers {@code request} with (its own, or the request's). */
    String model(ChatRequest request);

    /**
     * Answers {@code request}. When {@code call} is {@linkplain ChatCall#streaming() streaming}, every chunk goes
     * to {@link ChatCall#chunk} as it arrives; the assembled answer is returned either way.
     */
    ChatResponse chat(ChatRequest request, ChatCall call);
}
