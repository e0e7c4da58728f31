package io.p4n4.clients.internal.http;

/**
 * One server-sent event: the {@code event:} name (default {@code message}), the {@code data:} lines
 * joined with newlines, and the {@code id:} (or {@code null}).
 *
 * @param event the event name
 * @param data the data
 * @param id the event id, or {@code null}
 */
public record SseEvent(String event, String data, String id) {
}
