package io.p4n4.api.clients.letta;

/**
 * The answer of {@code GET /v1/health/}.
 *
 * @param status e.g. {@code ok}
 * @param version the server version
 */
public record LettaHealth(String status, String version) {
}
