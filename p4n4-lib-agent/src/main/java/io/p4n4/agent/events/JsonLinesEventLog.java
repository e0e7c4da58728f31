package io.p4n4.agent.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes each {@link AgentEvent} as one compact JSON object on its own line, flushed at once, for log shippers
 * (journald, Fluent Bit, Vector, Loki's promtail):
 * <pre>{@code {"time":"2026-12-03T18:00:00.123Z","level":"warn","device":"pi-1","deployment":"web","event":"rejected","error_code":"VALIDATION","message":"..."}}</pre>
 * Every line has all seven fields ({@code deployment} and {@code error_code} may be {@code null}); {@code level}
 * and {@code event} are lower case. Thread-safe: lines from several threads never interleave.
 */
public final class JsonLinesEventLog implements AgentEventListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;

    private JsonLinesEventLog(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Returns a log writing to {@code out} (e.g. {@code System.out}); the caller owns the stream. */
    public static JsonLinesEventLog to(PrintStream out) {
        return new JsonLinesEventLog(out);
    }

    @Override
    public void onEvent(AgentEvent event) {
        String line = line(event);
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Returns the JSON line of an event (without the line break). */
    public static String line(AgentEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", event.time().toString());
        m.put("level", event.level().name().toLowerCase(Locale.ROOT));
        m.put("device", event.device());
        m.put("deployment", event.deployment());
        m.put("event", event.event());
        m.put("error_code", event.errorCode() == null ? null : event.errorCode().name());
        m.put("message", event.message());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agent event could not be written as JSON", e);
        }
    }
}
