package io.p4n4.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GET requests of the Engine API answered as JSON trees, sent through the engine's transport without
 * docker-java's command and model classes: reads (status, an up with nothing to do, a down of an absent
 * project) then need neither docker-java's client nor its Jackson deserializers, which were two fifths of
 * the CLI's start-up.
 */
final class EngineJson {
    /** Trees only: no bean deserializers are ever built on this mapper. */
    private static final ObjectMapper TREES = new ObjectMapper();
    private final DockerHttpClient http;
    private final String prefix;

    /** @param apiVersion the negotiated version, or null for unversioned paths ({@code /version}) */
    EngineJson(DockerHttpClient http, @Nullable String apiVersion) {
        this.http = http;
        this.prefix = apiVersion == null ? "" : "/v" + apiVersion;
    }

    /** The answer to {@code GET path}; an error status becomes an {@link EngineHttpException}. */
    JsonNode get(String path) {
        return find(path).orElseThrow(() -> new EngineHttpException(404, "not found: " + path));
    }

    /** Like {@link #get}, but a 404 is empty. */
    Optional<JsonNode> find(String path) {
        byte[] body = fetch(path);
        if (body == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(body.length == 0 ? TREES.nullNode() : TREES.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of {@code GET path} as text ({@code /_ping} answers "OK"); an error status is thrown. */
    String text(String path) {
        byte[] body = fetch(path);
        if (body == null) {
            throw new EngineHttpException(404, "not found: " + path);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body of a successful answer; null on 404. */
    private byte @Nullable [] fetch(String path) {
        DockerHttpClient.Request request = DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path(prefix + path).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream body = response.getBody()) {
            byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
            int status = response.getStatusCode();
            if (status == 404) {
                return null;
            }
            if (status < 200 || status >= 300) {
                throw new EngineHttpException(status, message(bytes));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapper for trees (no bean deserializers are built on it). */
    static ObjectMapper trees() {
        return TREES;
    }

    /** The server's {"message": ...}, or the body's text. */
    static String message(byte[] body) {
        return message(new String(body, StandardCharsets.UTF_8));
    }

    /** The server's {"message": ...}, or the text. */
    static String message(String body) {
        String text = body.trim();
        try {
            JsonNode m = TREES.readTree(text).path("message");
            return m.isTextual() ? m.asText() : text;
        } catch (IOException | RuntimeException notJson) {
            return text;
        }
    }

    /** {@code filters={"label":[...]}} as a query parameter, or "" when there is no condition. */
    static String labelFilter(char separator, List<String> conditions) {
        return filters(separator, Map.of("label", conditions));
    }

    /** {@code filters={...}} as a query parameter, entries with no value left out; "" when none is left. */
    static String filters(char separator, Map<String, List<String>> filters) {
        Map<String, List<String>> used = new java.util.TreeMap<>();
        filters.forEach((k, v) -> {
            if (!v.isEmpty()) {
                used.put(k, v);
            }
        });
        if (used.isEmpty()) {
            return "";
        }
        try {
            String json = TREES.writeValueAsString(used);
            return separator + "filters=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One path segment, escaped as docker-java escapes it (a '/' in an image name becomes %2F). */
    static String segment(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }
}
