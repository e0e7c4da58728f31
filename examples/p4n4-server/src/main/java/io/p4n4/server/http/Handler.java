package io.p4n4.server.http;

/** Answers one request matched by a {@link Router} route. */
@FunctionalInterface
public interface Handler {
    /** Answers {@code exchange}; a {@link io.p4n4.api.P4n4Exception} becomes a problem-details answer. */
    void handle(Exchange exchange) throws Exception;
}
