package io.p4n4.podman.internal.libpod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.p4n4.api.EngineException;
import java.io.IOException;

/**
 * One complete libpod answer: status and body. Libpod reports errors as
 * {@code {"cause": "...", "message": "...", "response": 404}}; {@link #message()} extracts the text.
 * Immutable.
 */
public final class LibpodResponse {
    private final int status;
    private final byte[] body;
    private final String request;
    private final String resource;
    private final ObjectMapper mapper;
    private final okhttp3.Headers headers;

    LibpodResponse(int status, okhttp3.Headers headers, byte[] body, String request, String resource,
                   ObjectMapper mapper) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.request = request;
        this.resource = resource;
        this.mapper = mapper;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** A response header, if present. */
    public java.util.Optional<String> findHeader(String name) {
        return java.util.Optional.ofNullable(headers.get(name));
    }

    /** Tells whether the status is 2xx (304 "not modified" counts as success for start/stop). */
    public boolean isSuccess() {
        return status / 100 == 2 || status == 304;
    }

    /** The body as text. */
    public String text() {
        return LibpodHttp.utf8(body);
    }

    /** The body as JSON ({@link MissingNode} when empty). Malformed JSON throws ENGINE. */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new EngineException(LibpodHttp.ENGINE, resource, "Podman answered " + request
                    + " with malformed JSON: " + e.getMessage(), e);
        }
    }

    /** Podman's error text: the {@code message} field, else the raw body. */
    public String message() {
        try {
            JsonNode n = body.length == 0 ? MissingNode.getInstance() : mapper.readTree(body);
            if (n.hasNonNull("message")) {
                return n.get("message").asText();
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw text
        }
        return text().strip();
    }

    /** Returns this response when it succeeded; otherwise throws {@link #failure()}. */
    public LibpodResponse requireSuccess() {
        if (!isSuccess()) {
            throw failure();
        }
        return this;
    }

    /** An ENGINE exception naming the request, the resource, the status and Podman's message. */
    public EngineException failure() {
        return failure("");
    }

    /** Like {@link #failure()}, with a hint on what to do appended. */
    public EngineException failure(String hint) {
        String about = resource == null ? "" : " (" + resource + ")";
        return new EngineException(LibpodHttp.ENGINE, resource, "Podman refused " + request + about + ": HTTP "
                + status + " " + message() + (hint.isEmpty() ? "" : "; " + hint), null);
    }
}
