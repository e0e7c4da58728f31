package io.p4n4.clients.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;

/**
 * Extracts the human-readable message from an error body. Knows the shapes the p4n4 services use:
 * Ollama {@code {"error":"..."}}, Letta/FastAPI {@code {"detail":"..."}} or {@code {"detail":[{"msg":..}]}},
 * InfluxDB {@code {"code":"..","message":".."}}, and plain text (Edge Impulse runner).
 */
public final class ServerMessage {
    /** Error bodies are read up to this many bytes; a message is cut to {@link #MAX_CHARS}. */
    public static final long MAX_BYTES = 64 * 1024;
    static final int MAX_CHARS = 500;

    private ServerMessage() {
    }

    /**
     * Returns the message in {@code body}, with every value of {@code secrets} replaced by
     * {@code ***}, or {@code null} when the body is empty.
     */
    public static String extract(String body, Collection<String> secrets) {
        if (body == null || body.isBlank()) {
            return null;
        }
        String message = fromJson(body.strip());
        if (message == null) {
            message = body.strip();
        }
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                message = message.replace(secret, "***");
            }
        }
        return message.length() > MAX_CHARS ? message.substring(0, MAX_CHARS) + "..." : message;
    }

    private static String fromJson(String body) {
        if (!body.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            for (String field : new String[] {"error", "message", "detail"}) {
                JsonNode v = node.get(field);
                if (v == null || v.isNull()) {
                    continue;
                }
                if (v.isTextual()) {
                    return v.asText();
                }
                if (v.isArray() && v.size() > 0 && v.get(0).has("msg")) {
                    // FastAPI validation errors: [{"loc": [...], "msg": "...", "type": "..."}]
                    JsonNode first = v.get(0);
                    return first.get("msg").asText() + " at " + first.path("loc");
                }
                if (v.isObject() && v.has("message")) {
                    return v.get("message").asText();
                }
                return v.toString();
            }
            return null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
