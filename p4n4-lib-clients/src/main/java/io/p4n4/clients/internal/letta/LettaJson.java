package io.p4n4.clients.internal.letta;

import static io.p4n4.clients.internal.http.Json.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.clients.letta.Agent;
import io.p4n4.api.clients.letta.CreateAgentRequest;
import io.p4n4.api.clients.letta.LettaMessage;
import io.p4n4.api.clients.letta.MemoryBlock;
import io.p4n4.api.clients.letta.Passage;
import io.p4n4.clients.internal.http.Json;

/** Maps Letta's REST JSON to and from the API records. */
final class LettaJson {
    private LettaJson() {
    }

    /**
     * The p4n4 persona schema's fields as the spec writes them, plus the same persona and human as
     * {@code memory_blocks}, which current Letta servers read (older ones read the flat fields).
     */
    static ObjectNode createBody(CreateAgentRequest r) {
        ObjectNode b = Json.object().put("name", r.name()).put("persona", r.persona()).put("human", r.human())
                .put("model", r.model());
        putIfSet(b, "model_endpoint_type", r.modelEndpointType());
        putIfSet(b, "model_endpoint", r.modelEndpoint());
        if (r.contextWindow() > 0) {
            b.put("context_window", r.contextWindow());
        }
        putIfSet(b, "embedding_model", r.embeddingModel());
        putIfSet(b, "embedding_endpoint_type", r.embeddingEndpointType());
        ArrayNode blocks = b.putArray("memory_blocks");
        blocks.addObject().put("label", "persona").put("value", r.persona());
        blocks.addObject().put("label", "human").put("value", r.human());
        return b;
    }

    static ObjectNode messageBody(String text, boolean streamTokens) {
        ObjectNode b = Json.object();
        b.putArray("messages").addObject().put("role", "user").put("content", text);
        if (streamTokens) {
            b.put("stream_tokens", true);
        }
        return b;
    }

    private static void putIfSet(ObjectNode b, String field, String value) {
        if (value != null && !value.isEmpty()) {
            b.put(field, value);
        }
    }

    static Agent agent(JsonNode n) {
        String model = text(n, "model");
        if (model == null) {
            model = text(n.path("llm_config"), "handle");
        }
        if (model == null) {
            model = text(n.path("llm_config"), "model");
        }
        return new Agent(text(n, "id"), text(n, "name"), model, text(n, "agent_type"), text(n, "created_at"));
    }

    /** The text of a message part, whichever kind it is. */
    static LettaMessage message(JsonNode n) {
        String type = text(n, "message_type");
        String body;
        if (n.has("content")) {
            JsonNode c = n.get("content");
            body = c.isTextual() ? c.asText() : contentText(c);
        } else if (n.has("reasoning")) {
            body = text(n, "reasoning");
        } else if (n.has("tool_call")) {
            body = n.get("tool_call").toString();
        } else if (n.has("tool_return")) {
            body = text(n, "tool_return");
        } else {
            body = "";
        }
        return new LettaMessage(text(n, "id"), type, body == null ? "" : body, text(n, "date"));
    }

    /** Content given as parts: [{"type":"text","text":"..."}]. */
    private static String contentText(JsonNode parts) {
        StringBuilder sb = new StringBuilder();
        parts.forEach(p -> sb.append(p.path("text").asText("")));
        return sb.toString();
    }

    static MemoryBlock block(JsonNode n) {
        return new MemoryBlock(text(n, "id"), text(n, "label"), text(n, "value"), (int) Json.longValue(n, "limit"));
    }

    static Passage passage(JsonNode n) {
        return new Passage(text(n, "id"), text(n, "text"), text(n, "created_at"));
    }
}
