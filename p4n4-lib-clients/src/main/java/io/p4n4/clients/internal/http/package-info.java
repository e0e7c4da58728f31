/**
 * The HTTP layer every p4n4 service client is built on (internal: not an API, may change).
 *
 * <p>Entry point: {@link io.p4n4.clients.internal.http.HttpService}, one per service and base URL,
 * built on the shared {@code OkHttpClient} of a {@code ClientFactory} factory. It turns a
 * {@link io.p4n4.clients.internal.http.CallSpec} into a result and owns the cross-cutting rules:
 * <ul>
 *   <li>errors: every failure becomes a {@link io.p4n4.api.ServiceException} naming service, method,
 *       path, status and the server's message; URLs are shown without query string and user info,
 *       and the values of credential headers are scrubbed from server messages;</li>
 *   <li>retries: idempotent calls are retried on connection failures, timeouts, 429 and 5xx with
 *       exponential backoff, jitter and {@code Retry-After}; other calls only when the connection was
 *       refused (the server never saw them);</li>
 *   <li>streaming: {@link io.p4n4.clients.internal.http.HttpStream} reads NDJSON lines or server-sent
 *       events one item at a time; {@code close()} (or cancelling) closes the connection.</li>
 * </ul>
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.clients.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
