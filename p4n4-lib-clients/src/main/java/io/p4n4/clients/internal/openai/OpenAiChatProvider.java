package io.p4n4.clients.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.Stats;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.http.HttpStream;
import io.p4n4.clients.internal.http.Json;
import io.p4n4.clients.internal.http.SafeUrl;
import io.p4n4.clients.internal.http.SseEvent;
import io.p4n4.clients.router.ChatCall;
import io.p4n4.clients.router.ChatProvider;
import java.io.IOException;
import java.util.Objects;

/**
 * An OpenAI-compatible chat-completions endpoint ({@code POST <base>/chat/completions}) as a
 * {@link ChatProvider}: a whole {@code chat.completion}, or server-sent {@code chat.completion.chunk}s up to
 * {@code data: [DONE]}. A stream that ends without {@code [DONE]} or carries {@code {"error": ...}} fails
 * after the chunks that arrived. The API key goes in {@code Authorization: Bearer}, scrubbed from any
 * message, never logged; {@code toString()} shows id, URL and model only. Immutable and thread-safe.
 */
public final class OpenAiChatProvider implements ChatProvider {
    private final String id;
    private final String model;
    private final HttpService http;

    /** Creates the provider on a configured service (base URL ending in {@code /v1}, credentials set). */
    public OpenAiChatProvider(String id, String model, HttpService http) {
        this.id = Objects.requireNonNull(id, "id");
        this.model = Objects.requireNonNull(model, "model");
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String id() {
        return id;
    }

    /** Returns the endpoint's model: the one configured, whatever the request (made for the local model) asks. */
    @Override
    public String model(ChatRequest request) {
        return model;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatCall call) {
        if (!call.streaming()) {
            return OpenAiJson.completion(http.post("/chat/completions")
                    .json(OpenAiJson.body(id, model, request, false)).json(), model);
        }
        StringBuilder text = new StringBuilder();
        String finish = null;
        Stats stats = Stats.NONE;
        String answeredBy = model;
        String created = "";
        try (HttpStream<SseEvent> stream = http.post("/chat/completions").cancellation(call.cancellation())
                .json(OpenAiJson.body(id, model, request, true)).sse()) {
            SseEvent e;
            while ((e = stream.next()) != null) {
                if ("[DONE]".equals(e.data().strip())) {
                    stream.next(); // the end of the body, so the connection goes back to the pool
                    ChatResponse last = new ChatResponse(answeredBy, created, ChatMessage.assistant(""), true, finish,
                            stats);
                    call.chunk(last);
                    return new ChatResponse(answeredBy, created, ChatMessage.assistant(text.toString()), true, finish,
                            stats);
                }
                JsonNode n = parse(stream, e.data());
                if (n.hasNonNull("error")) {
                    JsonNode err = n.get("error");
                    throw stream.context().failedMidStream(err.isObject() ? err.path("message").asText() : err.asText());
                }
                ChatResponse chunk = OpenAiJson.chunk(n, model);
                answeredBy = chunk.model();
                created = chunk.createdAt();
                String reason = OpenAiJson.finishReason(n);
                finish = reason == null ? finish : reason;
                Stats usage = OpenAiJson.usage(n);
                stats = usage == Stats.NONE ? stats : usage;
                text.append(chunk.message().content());
                if (!chunk.message().content().isEmpty()) {
                    call.chunk(chunk);
                }
            }
            throw stream.context().unexpected(200, "the stream ended before \"data: [DONE]\""
                    + " (the answer so far is incomplete)");
        }
    }

    private static JsonNode parse(HttpStream<SseEvent> stream, String data) {
        try {
            return Json.MAPPER.readTree(data);
        } catch (IOException e) {
            stream.close();
            throw stream.context().badBody(200, e);
        }
    }

    @Override
    public String toString() {
        return "OpenAiChatProvider[id=" + id + ", url=" + SafeUrl.of(http.baseUrl()) + ", model=" + model + "]";
    }
}
