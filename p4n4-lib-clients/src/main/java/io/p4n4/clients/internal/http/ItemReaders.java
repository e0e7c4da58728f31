package io.p4n4.clients.internal.http;

import com.fasterxml.jackson.databind.JsonNode;

/** The stream formats the services use. */
final class ItemReaders {
    private ItemReaders() {
    }

    /** Newline-delimited JSON (Ollama): one value per non-blank line. */
    static ItemReader<JsonNode> ndjson() {
        return source -> {
            String line;
            do {
                line = source.readUtf8Line();
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
            return Json.MAPPER.readTree(line);
        };
    }

    /** Server-sent events (text/event-stream); comment lines (pings) are skipped. */
    static ItemReader<SseEvent> sse() {
        return source -> {
            String event = null;
            String id = null;
            StringBuilder data = null;
            while (true) {
                String line = source.readUtf8Line();
                if (line == null) {
                    // a final event without its blank line still counts
                    return data == null ? null : new SseEvent(event == null ? "message" : event, data.toString(), id);
                }
                if (line.isEmpty()) {
                    if (data != null) {
                        return new SseEvent(event == null ? "message" : event, data.toString(), id);
                    }
                    event = null;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    case "event" -> event = value;
                    case "id" -> id = value;
                    default -> {
                        // "retry" and unknown fields do not matter to a client that does not reconnect
                    }
                }
            }
        };
    }
}
