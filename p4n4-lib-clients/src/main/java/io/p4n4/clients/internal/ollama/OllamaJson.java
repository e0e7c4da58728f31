package io.p4n4.clients.internal.ollama;

import static io.p4n4.clients.internal.http.Json.bool;
import static io.p4n4.clients.internal.http.Json.longValue;
import static io.p4n4.clients.internal.http.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.GenerateRequest;
import io.p4n4.api.clients.ollama.GenerateResponse;
import io.p4n4.api.clients.ollama.ModelDetails;
import io.p4n4.api.clients.ollama.ModelInfo;
import io.p4n4.api.clients.ollama.PullProgress;
import io.p4n4.api.clients.ollama.RunningModel;
import io.p4n4.api.clients.ollama.ShowResponse;
import io.p4n4.api.clients.ollama.Stats;
import io.p4n4.clients.internal.http.Json;
import java.util.ArrayList;
import java.util.List;

/** Maps Ollama's JSON (docs/api.md field names) to and from the API records. */
final class OllamaJson {
    private OllamaJson() {
    }

    static ObjectNode generateBody(GenerateRequest r, boolean stream) {
        ObjectNode b = Json.object().put("model", r.model()).put("prompt", r.prompt()).put("stream", stream);
        if (r.system() != null) {
            b.put("system", r.system());
        }
        putFormat(b, r.format());
        if (!r.options().isEmpty()) {
            b.set("options", Json.MAPPER.valueToTree(r.options()));
        }
        if (r.keepAlive() != null) {
            b.put("keep_alive", r.keepAlive());
        }
        if (!r.images().isEmpty()) {
            ArrayNode images = b.putArray("images");
            r.images().forEach(images::add);
        }
        if (r.raw()) {
            b.put("raw", true);
        }
        return b;
    }

    static ObjectNode chatBody(ChatRequest r, boolean stream) {
        ObjectNode b = Json.object().put("model", r.model()).put("stream", stream);
        ArrayNode messages = b.putArray("messages");
        for (ChatMessage m : r.messages()) {
            ObjectNode n = messages.addObject().put("role", m.role()).put("content", m.content());
            if (!m.images().isEmpty()) {
                ArrayNode images = n.putArray("images");
                m.images().forEach(images::add);
            }
        }
        putFormat(b, r.format());
        if (!r.options().isEmpty()) {
            b.set("options", Json.MAPPER.valueToTree(r.options()));
        }
        if (r.keepAlive() != null) {
            b.put("keep_alive", r.keepAlive());
        }
        return b;
    }

    private static void putFormat(ObjectNode b, String format) {
        if (format == null) {
            return;
        }
        String f = format.strip();
        if (f.startsWith("{")) {
            try {
                b.set("format", Json.MAPPER.readTree(f));
                return;
            } catch (java.io.IOException notJson) {
                // sent as text; Ollama will say what is wrong with it
            }
        }
        b.put("format", format);
    }

    static GenerateResponse generate(JsonNode n) {
        List<Integer> context = new ArrayList<>();
        Json.array(n, "context").forEach(c -> context.add(c.asInt()));
        return new GenerateResponse(text(n, "model"), text(n, "created_at"), orEmpty(text(n, "response")),
                bool(n, "done"), text(n, "done_reason"), context, stats(n));
    }

    static ChatResponse chat(JsonNode n) {
        JsonNode m = n.path("message");
        ChatMessage message = new ChatMessage(m.path("role").asText("assistant"), orEmpty(text(m, "content")),
                Json.strings(m, "images"));
        return new ChatResponse(text(n, "model"), text(n, "created_at"), message, bool(n, "done"),
                text(n, "done_reason"), stats(n));
    }

    static Stats stats(JsonNode n) {
        if (!n.has("total_duration") && !n.has("eval_count")) {
            return Stats.NONE;
        }
        return new Stats(longValue(n, "total_duration"), longValue(n, "load_duration"),
                (int) longValue(n, "prompt_eval_count"), longValue(n, "prompt_eval_duration"),
                (int) longValue(n, "eval_count"), longValue(n, "eval_duration"));
    }

    static ModelDetails details(JsonNode n) {
        JsonNode d = n.path("details");
        return new ModelDetails(orEmpty(text(d, "parent_model")), text(d, "format"), text(d, "family"),
                Json.strings(d, "families"), text(d, "parameter_size"), text(d, "quantization_level"));
    }

    static ModelInfo model(JsonNode n) {
        return new ModelInfo(text(n, "name"), text(n, "model"), text(n, "modified_at"), longValue(n, "size"),
                text(n, "digest"), details(n));
    }

    static RunningModel running(JsonNode n) {
        return new RunningModel(text(n, "name"), text(n, "model"), longValue(n, "size"), text(n, "digest"),
                details(n), text(n, "expires_at"), longValue(n, "size_vram"));
    }

    static ShowResponse show(JsonNode n) {
        return new ShowResponse(text(n, "modelfile"), text(n, "parameters"), text(n, "template"), details(n),
                Json.map(n, "model_info"), Json.strings(n, "capabilities"));
    }

    static PullProgress pull(JsonNode n) {
        return new PullProgress(text(n, "status"), text(n, "digest"), longValue(n, "total"), longValue(n, "completed"));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
