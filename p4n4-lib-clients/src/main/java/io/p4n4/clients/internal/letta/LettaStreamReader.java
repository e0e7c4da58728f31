package io.p4n4.clients.internal.letta;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.letta.LettaMessage;
import io.p4n4.clients.internal.http.HttpStream;
import io.p4n4.clients.internal.http.Json;
import io.p4n4.clients.internal.http.SseEvent;
import java.io.IOException;
import java.util.Set;

/**
 * Reads the parts of a Letta answer from its server-sent events ({@code /messages/stream}), keeping
 * the usage and the stop reason aside. A truncated answer never looks complete: an
 * {@code event: error} event, an {@code error_message} message, or a failing {@code stop_reason}
 * at the end throw a {@link ServiceException} with the server's message and the stop reason, after
 * the parts that arrived (Letta's server: {@code letta_agent_v3.py}, {@code streaming_response.py},
 * {@code letta_stop_reason.py}). Not thread-safe.
 */
final class LettaStreamReader {
    /** The stop reasons whose run status is {@code failed} in Letta's {@code StopReasonType}. */
    private static final Set<String> FAILED = Set.of("error", "llm_api_error", "invalid_llm_response",
            "invalid_tool_call", "no_tool_call", "max_tokens_exceeded", "context_window_overflow_in_system_prompt",
            "insufficient_credits");

    private final HttpStream<SseEvent> stream;
    private String stopReason;
    private int promptTokens;
    private int completionTokens;
    private int stepCount;

    LettaStreamReader(HttpStream<SseEvent> stream) {
        this.stream = stream;
    }

    /** Returns the next part of the answer, or {@code null} at its end ({@code [DONE]} or end of body). */
    LettaMessage next() {
        while (true) {
            SseEvent e = stream.next();
            if (e == null || "[DONE]".equals(e.data())) {
                if (stopReason != null && FAILED.contains(stopReason)) {
                    throw failed("the agent stopped with stop_reason " + stopReason);
                }
                return null;
            }
            JsonNode n = parse(e);
            String type = Json.text(n, "message_type");
            if ("error".equals(e.event()) || "error_message".equals(type)) {
                throw failed(serverMessage(n));
            }
            if ("usage_statistics".equals(type)) {
                promptTokens = (int) Json.longValue(n, "prompt_tokens");
                completionTokens = (int) Json.longValue(n, "completion_tokens");
                stepCount = (int) Json.longValue(n, "step_count");
            } else if ("stop_reason".equals(type)) {
                stopReason = Json.text(n, "stop_reason");
            } else if (!"ping".equals(type)) {
                return LettaJson.message(n);
            }
        }
    }

    int promptTokens() {
        return promptTokens;
    }

    int completionTokens() {
        return completionTokens;
    }

    int stepCount() {
        return stepCount;
    }

    /** {@code LettaErrorMessage} (message, detail) or the bare {@code {"error": ..., "code": ...}}. */
    private static String serverMessage(JsonNode n) {
        String message = Json.text(n, "message");
        if (message == null) {
            JsonNode error = n.path("error");
            message = error.isTextual() ? error.asText() : Json.text(error, "message");
        }
        if (message == null) {
            message = n.toString();
        }
        String detail = Json.text(n, "detail");
        return detail == null || detail.isEmpty() ? message : message + ": " + detail;
    }

    private ServiceException failed(String serverMessage) {
        stream.close();
        String withReason = stopReason == null || serverMessage.contains("stop_reason") ? serverMessage
                : serverMessage + " (stop_reason " + stopReason + ")";
        return stream.context().failedMidStream(withReason);
    }

    private JsonNode parse(SseEvent e) {
        try {
            return Json.MAPPER.readTree(e.data());
        } catch (IOException bad) {
            stream.close();
            throw stream.context().badBody(200, bad);
        }
    }
}
