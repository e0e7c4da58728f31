package io.p4n4.clients.internal.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.ollama.ChatMessage;
import io.p4n4.api.clients.ollama.ChatRequest;
import io.p4n4.api.clients.ollama.ChatResponse;
import io.p4n4.api.clients.ollama.Stats;
import io.p4n4.clients.internal.http.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Maps the chat types to and from OpenAI's chat-completions JSON ({@code POST /chat/completions}): the
 * request body, a whole {@code chat.completion} and the {@code chat.completion.chunk}s of a stream.
 */
final class OpenAiJson {
    /** Ollama option names and their chat-completions equivalents. */
    private static final Map<String, String> OPTIONS = Map.of("temperature", "temperature", "top_p", "top_p",
            "seed", "seed", "stop", "stop", "num_predict", "max_tokens", "presence_penalty", "presence_penalty",
            "frequency_penalty", "frequency_penalty");

    private OpenAiJson() {
    }

    /** The request body; an option or image with no chat-completions equivalent is refused by name (USER). */
    static ObjectNode body(String provider, String model, ChatRequest r, boolean stream) {
        ObjectNode b = Json.object().put("model", model).put("stream", stream);
        ArrayNode messages = b.putArray("messages");
        for (ChatMessage m : r.messages()) {
            if (!m.images().isEmpty()) {
                throw refused(provider, "images in chat messages are not sent to chat-completions endpoints yet");
            }
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        for (Map.Entry<String, Object> o : r.options().entrySet()) {
            String name = OPTIONS.get(o.getKey());
            if (name == null) {
                throw refused(provider, "option '" + o.getKey() + "' has no chat-completions equivalent (those"
                        + " that have: " + OPTIONS.keySet().stream().sorted().toList() + "); remove it");
            }
            b.set(name, Json.MAPPER.valueToTree(o.getValue()));
        }
        if (r.format() != null) {
            b.set("response_format", responseFormat(r.format()));
        }
        return b;
    }

    private static ObjectNode responseFormat(String format) {
        String f = format.strip();
        if (f.startsWith("{")) {
            try {
                ObjectNode rf = Json.object().put("type", "json_schema");
                rf.putObject("json_schema").put("name", "answer").set("schema", Json.MAPPER.readTree(f));
                return rf;
            } catch (IOException notJson) {
                throw new P4n4Exception(ErrorCode.USER, "format is neither \"json\" nor a JSON schema: "
                        + notJson.getMessage());
            }
        }
        return Json.object().put("type", "json_object");
    }

    /** A whole {@code chat.completion}. */
    static ChatResponse completion(JsonNode n, String model) {
        JsonNode choice = n.path("choices").path(0);
        JsonNode m = choice.path("message");
        return new ChatResponse(modelOf(n, model), created(n), new ChatMessage(m.path("role").asText("assistant"),
                m.path("content").asText(""), null), true, Json.text(choice, "finish_reason"), usage(n));
    }

    /** One {@code chat.completion.chunk} as a chunk: the delta's text, not done. */
    static ChatResponse chunk(JsonNode n, String model) {
        JsonNode delta = n.path("choices").path(0).path("delta");
        return new ChatResponse(modelOf(n, model), created(n), ChatMessage.assistant(delta.path("content").asText("")),
                false, null, Stats.NONE);
    }

    /** The finish reason of a chunk, or {@code null}. */
    static String finishReason(JsonNode n) {
        return Json.text(n.path("choices").path(0), "finish_reason");
    }

    /** Token counts of {@code usage} (a whole answer, or the last chunk with {@code stream_options}). */
    static Stats usage(JsonNode n) {
        JsonNode u = n.path("usage");
        if (!u.isObject()) {
            return Stats.NONE;
        }
        return new Stats(0, 0, (int) Json.longValue(u, "prompt_tokens"), 0, (int) Json.longValue(u, "completion_tokens"),
                0);
    }

    private static String modelOf(JsonNode n, String fallback) {
        String m = Json.text(n, "model");
        return m == null || m.isEmpty() ? fallback : m;
    }

    private static String created(JsonNode n) {
        long epoch = Json.longValue(n, "created");
        return epoch == 0 ? "" : Instant.ofEpochSecond(epoch).toString();
    }

    private static P4n4Exception refused(String provider, String what) {
        return new P4n4Exception(ErrorCode.USER, provider + ": " + what);
    }
}
