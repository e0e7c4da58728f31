package io.p4n4.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** One request and its answer: path parameters, query, a size-limited body, JSON, problems and event streams. */
public final class Exchange {
    private final HttpExchange http;
    private final Map<String, String> params;
    private final long maxBodyBytes;
    private boolean answered;

    Exchange(HttpExchange http, Map<String, String> params, long maxBodyBytes) {
        this.http = http;
        this.params = params;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Returns the path as requested (not decoded). */
    public String path() {
        return http.getRequestURI().getRawPath();
    }

    /** Returns the path parameter {@code name} of the route's template, decoded. */
    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalStateException("the route has no parameter {" + name + "}");
        }
        return v;
    }

    /** Returns the query parameter {@code name}, decoded, if given. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters().get(name));
    }

    /** Returns every query parameter, decoded, in order (the first value of a repeated one). */
    Map<String, String> queryParameters() {
        String raw = http.getRequestURI().getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.putIfAbsent(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * Refuses a query parameter the route does not take, so that a misspelt one is not silently ignored.
     *
     * @throws P4n4Exception USER naming it and the route's parameters
     */
    void refuseUnknownQuery(Set<String> known) {
        for (String name : queryParameters().keySet()) {
            if (!known.contains(name)) {
                throw new P4n4Exception(ErrorCode.USER, "unknown query parameter '" + name + "' on "
                        + http.getRequestMethod() + " " + path() + "; "
                        + (known.isEmpty() ? "it takes none" : "its parameters are " + new TreeSet<>(known)));
            }
        }
    }

    /** Returns the integer query parameter {@code name}, or {@code fallback}; USER error when not a number. */
    public int queryInt(String name, int fallback) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new P4n4Exception(ErrorCode.USER, "query parameter " + name + " must be a whole number, not '"
                    + v.get() + "'");
        }
    }

    /** Returns the boolean query parameter {@code name}, or {@code fallback}; USER error unless true/false. */
    public boolean queryBoolean(String name, boolean fallback) {
        Optional<String> v = query(name);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new P4n4Exception(ErrorCode.USER, "query parameter " + name
                    + " must be true or false, not '" + v.get() + "'");
        };
    }

    /**
     * Returns the body as UTF-8 text, empty when there is none.
     *
     * @throws HttpProblem 413 when it is longer than the server's limit (nothing beyond the limit is read)
     */
    public String bodyText() throws IOException {
        String length = http.getRequestHeaders().getFirst("Content-Length");
        if (length != null && parseLength(length) > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * Returns the body as a JSON object; an empty body is an empty object.
     *
     * @throws P4n4Exception USER when it is not a JSON object
     */
    public JsonNode bodyObject() throws IOException {
        String text = bodyText();
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (!node.isObject()) {
                throw new P4n4Exception(ErrorCode.USER, "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new P4n4Exception(ErrorCode.USER, "the request body is not JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "Content too large", ErrorCode.USER, "the request body is larger than "
                + maxBodyBytes + " bytes; send less (p4n4 serve --max-body raises the limit)");
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new P4n4Exception(ErrorCode.USER, "Content-Length is not a number: " + header);
        }
    }

    /** Sets a response header. */
    public Exchange header(String name, String value) {
        http.getResponseHeaders().set(name, value);
        return this;
    }

    /** Answers {@code status} with {@code body} as JSON. */
    public void json(int status, Object body) throws IOException {
        bytes(status, "application/json", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code status} with the problem document of {@code failure}. */
    public void problem(P4n4Exception failure) throws IOException {
        if (failure instanceof MethodNotAllowed m) {
            header("Allow", m.allow());
        }
        if (Problems.status(failure) == 401) {
            header("WWW-Authenticate", "Bearer realm=\"p4n4\"");
        }
        Map<String, Object> doc = new LinkedHashMap<>(Problems.of(failure, path()));
        bytes(Problems.status(failure), Problems.MEDIA_TYPE, Json.write(doc).getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code status} with {@code body} of {@code contentType}. */
    public void bytes(int status, String contentType, byte[] body) throws IOException {
        header("Content-Type", contentType + "; charset=utf-8"); // every answer of this server is text
        answered = true;
        http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Answers {@code 204 No Content}. */
    public void noContent() throws IOException {
        answered = true;
        http.sendResponseHeaders(204, -1);
    }

    /** Starts an event stream: the answer's headers go out now; the caller then sends and runs it. */
    public SseStream eventStream() throws IOException {
        answered = true;
        return SseStream.open(http);
    }

    /** Whether the answer's headers were sent (a problem can then no longer be answered). */
    boolean answered() {
        return answered;
    }
}
