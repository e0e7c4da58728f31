/**
 * The p4n4 server: one project directory (and optionally one NATS desired-state bucket) served as a JSON REST
 * API with Server-Sent Events, its OpenAPI 3 document and a live web dashboard, built on the library's public API
 * and the JDK's own HTTP server. Start it with {@link io.p4n4.server.P4n4Server#builder()}.
 */
package io.p4n4.server;
