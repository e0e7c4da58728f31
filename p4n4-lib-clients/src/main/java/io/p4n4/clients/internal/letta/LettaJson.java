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
import java.util.ArrayList;
import java.util.List;

/** Maps Letta's REST JSON to and from the API records. */
final class LettaJson {
    private LettaJson() {
    }

    /**
     * The body of {@code POST /v1/agents/} as Letta's {@code CreateAgentRequest} (fern/openapi.json):
     * {@code name}, {@code model} and {@code embedding} handles, {@code context_window_limit}, {@code system},
     * {@code description}, {@code memory_blocks} ({@code label}, {@code value}, {@code limit}), {@code tags};
     * unset fields are left out so the server applies its defaults.
     */
    static ObjectNode createBody(CreateAgentRequest r) {
        ObjectNode b = Json.object().put("name", r.name()).put("model", r.model());
        putIfSet(b, "embedding", r.embedding());
        if (r.contextWindowLimit() > 0) {
            b.put("context_window_limit", r.contextWindowLimit());
        }
        putIfSet(b, "system", r.system());
        putIfSet(b, "description", r.description());
        ArrayNode blocks = b.putArray("memory_blocks");
        for (MemoryBlock m : r.memoryBlocks()) {
            ObjectNode block = blocks.addObject().put("label", m.label()).put("value", m.value());
            if (m.limit() > 0) {
                block.put("limit", m.limit());
            }
        }
        if (!r.tags().isEmpty()) {
            ArrayNode tags = b.putArray("tags");
            r.tags().forEach(tags::add);
        }
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

    /**
     * An {@code AgentState}: the {@code model} / {@code embedding} handles of current servers, else the
     * deprecated {@code llm_config} / {@code embedding_config} (handle, then model name); {@code blocks},
     * else the deprecated {@code memory.blocks}.
     */
    static Agent agent(JsonNode n) {
        JsonNode llm = n.path("llm_config");
        JsonNode emb = n.path("embedding_config");
        String model = first(text(n, "model"), text(llm, "handle"), text(llm, "model"));
        String embedding = first(text(n, "embedding"), text(emb, "handle"), text(emb, "embedding_model"));
        JsonNode blocks = n.has("blocks") ? n.get("blocks") : n.path("memory").path("blocks");
        List<MemoryBlock> memory = new ArrayList<>();
        blocks.forEach(b -> memory.add(block(b)));
        return new Agent(text(n, "id"), text(n, "name"), model, embedding, (int) Json.longValue(llm, "context_window"),
                text(n, "description"), text(n, "agent_type"), memory, text(n, "last_stop_reason"),
                text(n, "last_run_completion"), text(n, "created_at"));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
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
