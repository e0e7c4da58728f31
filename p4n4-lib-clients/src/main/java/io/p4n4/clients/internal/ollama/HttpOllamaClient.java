package io.p4n4.clients.internal.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.EmbedResponse;
import io.p4n4.api.clients.ollama.GenerateRequest;
import io.p4n4.api.clients.ollama.GenerateResponse;
import io.p4n4.api.clients.ollama.ModelInfo;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.api.clients.ollama.PullProgress;
import io.p4n4.api.clients.ollama.RunningModel;
import io.p4n4.api.clients.ollama.ShowResponse;
import io.p4n4.clients.internal.http.HttpService;
import io.p4n4.clients.internal.http.HttpStream;
import io.p4n4.clients.internal.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** {@link OllamaClient} over HTTP. Immutable and thread-safe. */
public final class HttpOllamaClient implements OllamaClient {
    private final HttpService http;

    /** Creates the client on a configured service. */
    public HttpOllamaClient(HttpService http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public GenerateResponse generate(GenerateRequest request) {
        return OllamaJson.generate(http.post("/api/generate").json(OllamaJson.generateBody(request, false)).json());
    }

    @Override
    public GenerateResponse generate(GenerateRequest request, Consumer<GenerateResponse> onChunk,
            Cancellation cancellation) {
        StringBuilder text = new StringBuilder();
        try (HttpStream<JsonNode> stream = http.post("/api/generate").cancellation(cancellation)
                .json(OllamaJson.generateBody(request, true)).ndjson()) {
            while (true) {
                GenerateResponse chunk = OllamaJson.generate(OllamaStreams.nextChunk(stream));
                text.append(chunk.response());
                onChunk.accept(chunk);
                if (chunk.done()) {
                    return new GenerateResponse(chunk.model(), chunk.createdAt(), text.toString(), true,
                            chunk.doneReason(), chunk.context(), chunk.stats());
                }
            }
        }
    }

    @Override
    public Stream<GenerateResponse> generateStream(GenerateRequest request) {
        return OllamaStreams.stream(http.post("/api/generate").json(OllamaJson.generateBody(request, true)).ndjson(),
                OllamaJson::generate);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return OllamaJson.chat(http.post("/api/chat").json(OllamaJson.chatBody(request, false)).json());
    }

    @Override
    public ChatResponse chat(ChatRequest request, Consumer<ChatResponse> onChunk, Cancellation cancellation) {
        StringBuilder text = new StringBuilder();
        try (HttpStream<JsonNode> stream = http.post("/api/chat").cancellation(cancellation)
                .json(OllamaJson.chatBody(request, true)).ndjson()) {
            while (true) {
                ChatResponse chunk = OllamaJson.chat(OllamaStreams.nextChunk(stream));
                text.append(chunk.message().content());
                onChunk.accept(chunk);
                if (chunk.done()) {
                    ChatMessage whole = new ChatMessage(chunk.message().role(), text.toString(), List.of());
                    return new ChatResponse(chunk.model(), chunk.createdAt(), whole, true, chunk.doneReason(),
                            chunk.stats());
                }
            }
        }
    }

    @Override
    public Stream<ChatResponse> chatStream(ChatRequest request) {
        return OllamaStreams.stream(http.post("/api/chat").json(OllamaJson.chatBody(request, true)).ndjson(),
                OllamaJson::chat);
    }

    @Override
    public List<Double> embedding(String model, String prompt) {
        JsonNode n = http.post("/api/embeddings").idempotent(true)
                .json(Json.object().put("model", model).put("prompt", prompt)).json();
        List<Double> v = new ArrayList<>();
        Json.array(n, "embedding").forEach(x -> v.add(x.asDouble()));
        return List.copyOf(v);
    }

    @Override
    public EmbedResponse embed(String model, List<String> input) {
        var body = Json.object().put("model", model);
        ArrayNode in = body.putArray("input");
        input.forEach(in::add);
        JsonNode n = http.post("/api/embed").idempotent(true).json(body).json();
        List<List<Double>> vectors = new ArrayList<>();
        for (JsonNode e : Json.array(n, "embeddings")) {
            List<Double> v = new ArrayList<>(e.size());
            e.forEach(x -> v.add(x.asDouble()));
            vectors.add(v);
        }
        return new EmbedResponse(Json.text(n, "model"), vectors, Json.longValue(n, "total_duration"),
                (int) Json.longValue(n, "prompt_eval_count"));
    }

    @Override
    public List<ModelInfo> models() {
        return Json.array(http.get("/api/tags").json(), "models").stream().map(OllamaJson::model).toList();
    }

    @Override
    public ShowResponse show(String model) {
        return OllamaJson.show(http.post("/api/show").idempotent(true).json(Json.object().put("model", model)).json());
    }

    @Override
    public void pull(String model, Consumer<PullProgress> progress, Cancellation cancellation) {
        // a pull resumes where it stopped, so repeating it is safe
        try (HttpStream<JsonNode> stream = http.post("/api/pull").idempotent(true).cancellation(cancellation)
                .json(Json.object().put("model", model).put("stream", true)).ndjson()) {
            JsonNode n;
            while ((n = stream.next()) != null) {
                if (n.hasNonNull("error")) {
                    // Ollama reports failures inside the stream after a 200
                    throw stream.context().failedInStream(n.get("error").asText());
                }
                PullProgress p = OllamaJson.pull(n);
                progress.accept(p);
                if (p.isSuccess()) {
                    return;
                }
            }
            throw stream.context().unexpected(200, "the pull stream ended before \"success\"");
        }
    }

    @Override
    public List<RunningModel> runningModels() {
        return Json.array(http.get("/api/ps").json(), "models").stream().map(OllamaJson::running).toList();
    }

    @Override
    public String version() {
        JsonNode n = http.get("/api/version").json();
        String v = Json.text(n, "version");
        if (v == null) {
            throw http.unexpected("GET", "/api/version", "the answer has no \"version\"");
        }
        return v;
    }
}
