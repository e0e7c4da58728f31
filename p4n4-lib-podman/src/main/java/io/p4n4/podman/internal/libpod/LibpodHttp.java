package io.p4n4.podman.internal.libpod;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.p4n4.api.EngineException;
import io.p4n4.podman.internal.socket.UnixHttpClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP layer of the libpod REST API: builds {@code /v4.0.0/libpod/...} requests, sends them over the
 * unix socket (or TCP), and turns transport failures and error statuses into {@link EngineException}s
 * that name the engine, the endpoint and the resource.
 *
 * <p>Thread-safe. {@link #close()} cancels calls in flight and drops pooled connections.
 */
public final class LibpodHttp implements AutoCloseable {
    /** The API version in every path; libpod 4.x and 5.x serve it. */
    public static final String API_VERSION = "4.0.0";
    /** The Docker API version of {@link #compatRequest}: what Podman 4.x serves. */
    public static final String COMPAT_API_VERSION = "1.41";
    static final String ENGINE = "podman";
    private static final MediaType JSON = MediaType.get("application/json");

    private final URI endpoint;
    private final HttpUrl base;
    private final OkHttpClient client;
    private final OkHttpClient streamingClient;
    private volatile boolean closed;
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LibpodHttp(URI endpoint, HttpUrl base, OkHttpClient client) {
        this.endpoint = endpoint;
        this.base = base;
        this.client = client;
        // streams (logs, events, pulls, exec) may be silent for a long time: no read timeout, same pool
        this.streamingClient = client.newBuilder().readTimeout(Duration.ZERO).build();
    }

    /** Connects to {@code unix:///path}, {@code tcp://host:port} or {@code http://host:port}. */
    public static LibpodHttp create(URI endpoint, Duration connectTimeout, Duration readTimeout) {
        String scheme = endpoint.getScheme();
        if ("unix".equals(scheme)) {
            OkHttpClient c = UnixHttpClients.create(Path.of(endpoint.getPath()), connectTimeout, readTimeout);
            return new LibpodHttp(endpoint, UnixHttpClients.baseUrl(), c);
        }
        if ("tcp".equals(scheme) || "http".equals(scheme)) {
            HttpUrl base = new HttpUrl.Builder().scheme("http").host(endpoint.getHost())
                    .port(endpoint.getPort() < 0 ? 8080 : endpoint.getPort()).build();
            OkHttpClient c = new OkHttpClient.Builder()
                    .connectTimeout(connectTimeout).readTimeout(readTimeout).writeTimeout(readTimeout).build();
            return new LibpodHttp(endpoint, base, c);
        }
        throw new EngineException(ENGINE, null, "unsupported Podman endpoint " + endpoint
                + "; use unix:///path/to/podman.sock or tcp://host:port", null);
    }

    /** Where requests go. */
    public URI endpoint() {
        return endpoint;
    }

    /** The shared JSON mapper (unknown properties ignored). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Starts a request for {@code /v4.0.0/libpod/<path>}; segments are escaped by OkHttp. */
    public RequestBuilder request(String method, String... pathSegments) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("v" + API_VERSION).addPathSegment("libpod");
        for (String s : pathSegments) {
            url.addPathSegment(s);
        }
        return new RequestBuilder(method, url);
    }

    /**
     * Starts a request for Podman's Docker-compatible {@code /v1.41/<path>}: used where it reports more than
     * libpod does (a pull's per-layer byte counts).
     */
    public RequestBuilder compatRequest(String method, String... pathSegments) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment("v" + COMPAT_API_VERSION);
        for (String s : pathSegments) {
            url.addPathSegment(s);
        }
        return new RequestBuilder(method, url);
    }

    @Override
    public void close() {
        closed = true;
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** Collects query parameters and a body, then sends. Not thread-safe; one per request. */
    public final class RequestBuilder {
        private final String method;
        private final HttpUrl.Builder url;
        private RequestBody body;
        private String resource;
        private Duration timeout;
        private java.util.function.Supplier<EngineException> notFound;
        private final Map<String, String> headers = new java.util.LinkedHashMap<>();

        private RequestBuilder(String method, HttpUrl.Builder url) {
            this.method = method;
            this.url = url;
        }

        /** Adds a query parameter (skipped when {@code value} is null). */
        public RequestBuilder query(String name, Object value) {
            if (value != null) {
                url.addQueryParameter(name, String.valueOf(value));
            }
            return this;
        }

        /** Adds {@code filters} as libpod expects: a JSON object of lists. Skipped when empty. */
        public RequestBuilder filters(Map<String, ? extends java.util.Collection<String>> filters) {
            if (!filters.isEmpty()) {
                url.addQueryParameter("filters", json(filters));
            }
            return this;
        }

        /** Adds a request header (never logged nor put in messages: it may carry credentials). */
        public RequestBuilder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sends {@code value} serialized as JSON. */
        public RequestBuilder jsonBody(Object value) {
            body = RequestBody.create(json(value), JSON);
            return this;
        }

        /** Sends {@code value} as the body (a build context's tar, say). */
        public RequestBuilder body(RequestBody value) {
            body = value;
            return this;
        }

        /** Names the container, image, network or volume concerned, for error messages. */
        public RequestBuilder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** For {@link #openStream()}: the error to throw when libpod answers 404. */
        public RequestBuilder onNotFound(java.util.function.Supplier<EngineException> error) {
            this.notFound = error;
            return this;
        }

        /** Overrides the read timeout of this call (e.g. a stop that waits its grace period). */
        public RequestBuilder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Sends the request and reads the whole answer. Transport failures throw ENGINE. */
        public LibpodResponse send() {
            Request req = build();
            OkHttpClient c = timeout == null ? client : client.newBuilder().readTimeout(timeout).build();
            try (Response r = c.newCall(req).execute()) {
                ResponseBody b = r.body();
                byte[] bytes = b == null ? new byte[0] : b.bytes();
                return new LibpodResponse(r.code(), r.headers(), bytes, describe(req), resource, mapper);
            } catch (IOException e) {
                throw unreachable(req, e);
            }
        }

        /** Sends and returns the parsed JSON of a 2xx answer; other statuses throw ENGINE. */
        public JsonNode sendForJson() {
            return send().requireSuccess().json();
        }

        /**
         * Opens a streaming call (no read timeout). The caller owns the response and must close it; a
         * non-2xx status is thrown as ENGINE after its body is read.
         */
        public StreamingCall openStream() {
            Request req = build();
            Call call = streamingClient.newCall(req);
            Response r;
            try {
                r = call.execute();
            } catch (IOException e) {
                if (call.isCanceled()) {
                    throw new EngineException(ENGINE, resource, "request " + describe(req) + " was cancelled", e);
                }
                throw unreachable(req, e);
            }
            if (!r.isSuccessful()) {
                if (r.code() == 404 && notFound != null) {
                    r.close();
                    throw notFound.get();
                }
                try (r) {
                    ResponseBody b = r.body();
                    byte[] bytes = b == null ? new byte[0] : b.bytes();
                    new LibpodResponse(r.code(), r.headers(), bytes, describe(req), resource, mapper).requireSuccess();
                } catch (IOException e) {
                    throw unreachable(req, e);
                }
            }
            return new StreamingCall(call, r, describe(req), resource);
        }

        private Request build() {
            if (closed) {
                throw new EngineException(ENGINE, resource, "this Podman connection (" + endpoint + ") is closed", null);
            }
            RequestBody b = body;
            if (b == null && ("POST".equals(method) || "PUT".equals(method))) {
                b = RequestBody.create(new byte[0], null);
            }
            Request.Builder request = new Request.Builder().url(url.build()).method(method, b);
            headers.forEach(request::header);
            return request.build();
        }

        private EngineException unreachable(Request req, IOException e) {
            return new EngineException(ENGINE, resource, "Podman at " + endpoint + " did not answer "
                    + describe(req) + ": " + e.getMessage()
                    + "; check that the service runs (podman system service --time=0 " + endpoint
                    + ") or set CONTAINER_HOST", e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Request req) {
        // path only: query strings can hold filter values, never secrets, but keep messages short
        return req.method() + " " + req.url().encodedPath();
    }

    /** An open streaming response together with its call, so closing cancels it. */
    public static final class StreamingCall implements AutoCloseable {
        private final Call call;
        private final Response response;
        private final String description;
        private final String resource;

        StreamingCall(Call call, Response response, String description, String resource) {
            this.call = call;
            this.response = response;
            this.description = description;
            this.resource = resource;
        }

        /** The response body's bytes, as they arrive. */
        public java.io.InputStream body() {
            ResponseBody b = response.body();
            return b == null ? java.io.InputStream.nullInputStream() : b.byteStream();
        }

        /** Method and path, for messages. */
        public String description() {
            return description;
        }

        /** The resource the call is about, or null. */
        public String resource() {
            return resource;
        }

        /** Tells whether {@link #close()} (or a cancel) ended the call. */
        public boolean isCanceled() {
            return call.isCanceled();
        }

        /**
         * Cancels the call, which unblocks a reader on another thread. Safe from any thread; the reading
         * thread still releases the response with {@link #close()}. Idempotent.
         */
        public void cancel() {
            call.cancel();
        }

        /**
         * Cancels the call and releases the response. Call it only from the thread that reads the body:
         * okio's sources are not thread-safe, and closing one while another thread reads it breaks the
         * read's timeout bookkeeping ("Unbalanced enter/exit"). Idempotent.
         */
        @Override
        public void close() {
            call.cancel();
            response.close();
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
