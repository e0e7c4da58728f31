package io.p4n4.clients.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.clients.Cancellation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * One request being described, then executed by a terminal method: {@link #json()},
 * {@link #string()}, {@link #discard()}, {@link #ndjson()}, {@link #sse()} or {@link #open()}.
 * Not thread-safe; create one per call from {@link HttpService}.
 */
public final class CallSpec {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final HttpService service;
    private final String method;
    private final String path;
    private boolean idempotent;
    private final List<String[]> query = new ArrayList<>();
    private final List<String[]> headers = new ArrayList<>();
    private RequestBody body;
    private Cancellation cancellation;

    CallSpec(HttpService service, String method, String path, boolean idempotent) {
        this.service = service;
        this.method = method;
        this.path = path;
        this.idempotent = idempotent;
    }

    /** Adds a query parameter (never shown in messages). */
    public CallSpec query(String name, Object value) {
        if (value != null) {
            query.add(new String[] {name, String.valueOf(value)});
        }
        return this;
    }

    /** Adds a header for this call only. */
    public CallSpec header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Marks whether the call may be repeated safely, which decides retries on 5xx and timeouts. */
    public CallSpec idempotent(boolean value) {
        this.idempotent = value;
        return this;
    }

    /** Sends {@code value} (a Jackson tree or any Jackson-serializable object) as JSON. */
    public CallSpec json(Object value) {
        try {
            this.body = RequestBody.create(Json.MAPPER.writeValueAsBytes(value), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize request body for " + path, e);
        }
        return this;
    }

    /** Sends a prepared body (multipart, gzip line protocol, ...). */
    public CallSpec body(RequestBody value) {
        this.body = value;
        return this;
    }

    /** Binds the call to a cancellation handle: cancelling closes its connection. */
    public CallSpec cancellation(Cancellation value) {
        this.cancellation = value;
        return this;
    }

    /** Executes and parses the body as JSON. */
    public JsonNode json() {
        try (OpenResponse r = open()) {
            try {
                JsonNode node = Json.MAPPER.readTree(r.body().inputStream());
                r.complete();
                if (node == null || node.isMissingNode()) {
                    throw r.context().unexpected(r.status(), "empty body where JSON was expected");
                }
                return node;
            } catch (IOException e) {
                throw r.failure(e);
            }
        }
    }

    /** Executes and returns the body as text. */
    public String string() {
        try (OpenResponse r = open()) {
            try {
                String text = r.body().readUtf8();
                r.complete();
                return text;
            } catch (IOException e) {
                throw r.failure(e);
            }
        }
    }

    /** Executes and ignores the body (reading it so the connection can be reused). */
    public void discard() {
        try (OpenResponse r = open()) {
            try {
                r.body().readAll(okio.Okio.blackhole());
                r.complete();
            } catch (IOException e) {
                throw r.failure(e);
            }
        }
    }

    /** Executes and streams the body as newline-delimited JSON, one tree per line. */
    public HttpStream<JsonNode> ndjson() {
        return new HttpStream<>(open(), ItemReaders.ndjson());
    }

    /** Executes and streams the body as server-sent events. */
    public HttpStream<SseEvent> sse() {
        header("Accept", "text/event-stream");
        return new HttpStream<>(open(), ItemReaders.sse());
    }

    /** Executes and returns the open successful response; the caller must close it. */
    public OpenResponse open() {
        return service.open(this);
    }

    String method() {
        return method;
    }

    boolean idempotent() {
        return idempotent;
    }

    Cancellation cancellation() {
        return cancellation;
    }

    Request toRequest(List<String[]> serviceHeaders) {
        HttpUrl url = service.resolve(path, query);
        Request.Builder rb = new Request.Builder().url(url);
        for (String[] h : serviceHeaders) {
            rb.header(h[0], h[1]);
        }
        for (String[] h : headers) {
            rb.header(h[0], h[1]);
        }
        RequestBody b = body;
        if (b == null && ("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method))) {
            b = RequestBody.create(new byte[0], null);
        }
        return rb.method(method, b).build();
    }
}
