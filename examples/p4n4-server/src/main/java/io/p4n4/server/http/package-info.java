/**
 * The server's HTTP layer on the JDK's {@code com.sun.net.httpserver}: routing with path parameters, JSON and
 * RFC 9457 problem-details responses, Server-Sent Events, and the guards every request passes (bearer token on
 * mutating calls, CORS, body size limits).
 */
package io.p4n4.server.http;
