package io.p4n4.podman.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A MockWebServer that answers like a Podman 4.3 service: routes are "METHOD /path" (path without the
 * query) mapped to responses; bodies come from payloads captured from a real service
 * (src/test/resources/libpod). Unrouted requests get libpod's 404 error shape.
 */
final class ScriptedLibpod implements AutoCloseable {
    static final String PREFIX = "/v4.0.0/libpod";
    /** Podman's Docker-compatible API, which the pull uses. */
    static final String COMPAT_PREFIX = "/v1.41";
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    ScriptedLibpod() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String path = request.getRequestUrl().encodedPath();
                Function<RecordedRequest, MockResponse> route = routes.get(request.getMethod() + " " + path);
                if (route == null) {
                    return json(404, "{\"cause\":\"no route\",\"message\":\"no route for " + path + "\",\"response\":404}");
                }
                return route.apply(request);
            }
        });
        server.start();
    }

    /** Routes {@code method} + {@code /v4.0.0/libpod}{@code path} to a fixed response. */
    ScriptedLibpod on(String method, String path, MockResponse response) {
        routes.put(method + " " + PREFIX + path, r -> response);
        return this;
    }

    /** Routes to a response computed per request. */
    ScriptedLibpod on(String method, String path, Function<RecordedRequest, MockResponse> route) {
        routes.put(method + " " + PREFIX + path, route);
        return this;
    }

    /** Routes {@code method} + {@code /v1.41}{@code path} (the Docker-compatible API) to a fixed response. */
    ScriptedLibpod onCompat(String method, String path, MockResponse response) {
        routes.put(method + " " + COMPAT_PREFIX + path, r -> response);
        return this;
    }

    /** The recorded requests for {@code method} + {@code /v1.41}{@code path} (without query). */
    List<RecordedRequest> compatRequests(String method, String path) {
        return requests.stream()
                .filter(r -> r.getMethod().equals(method) && r.getRequestUrl().encodedPath().equals(COMPAT_PREFIX + path))
                .toList();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getPort());
    }

    List<RecordedRequest> requests() {
        return requests;
    }

    /** The recorded requests for {@code method} + path (without query). */
    List<RecordedRequest> requests(String method, String path) {
        return requests.stream()
                .filter(r -> r.getMethod().equals(method) && r.getRequestUrl().encodedPath().equals(PREFIX + path))
                .toList();
    }

    static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json")
                .setHeader("Libpod-Api-Version", "4.3.1").setBody(body);
    }

    static MockResponse fixture(int status, String name) {
        return json(status, text(name));
    }

    static MockResponse noContent() {
        return new MockResponse().setResponseCode(204);
    }

    static MockResponse binary(byte[] body) {
        return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/octet-stream")
                .setBody(new Buffer().write(body));
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) {
        try (InputStream in = ScriptedLibpod.class.getResourceAsStream("/libpod/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One frame of libpod's multiplexed output. */
    static byte[] frame(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[8 + payload.length];
        out[0] = (byte) stream;
        out[4] = (byte) (payload.length >>> 24);
        out[5] = (byte) (payload.length >>> 16);
        out[6] = (byte) (payload.length >>> 8);
        out[7] = (byte) payload.length;
        System.arraycopy(payload, 0, out, 8, payload.length);
        return out;
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
