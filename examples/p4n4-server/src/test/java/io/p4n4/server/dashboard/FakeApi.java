package io.p4n4.server.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for the p4n4 server's API (docs/server.md), in the manner of OkHttp's MockWebServer: it
 * serves the real dashboard files from the classpath, answers the calls a test enqueued, streams the Server-Sent
 * Events a test publishes, and records every request for {@link #takeRequest(Duration)}. It lets the page's own
 * behaviour be tested without an engine.
 *
 * <p>Thread-safe. {@link #close()} stops the server and ends every open stream.
 */
final class FakeApi implements AutoCloseable {

    private static final String DASHBOARD = "/io/p4n4/server/dashboard/";

    /** A request the page made: method, path with query, the {@code Authorization} header (or null) and body. */
    record Recorded(String method, String path, String authorization, String body) {}

    private record Answer(int status, String contentType, String body) {}

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Recorded> requests = new LinkedBlockingQueue<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, List<String>> streams = new ConcurrentHashMap<>();
    private final List<OutputStream> statusStreams = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile String status = "{\"sequence\":0,\"at\":null,\"engine\":\"docker\",\"stacks\":{}}";

    private FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts the fake on a free loopback port. */
    static FakeApi start() {
        try {
            return new FakeApi();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake API", e);
        }
    }

    /** The dashboard's address, {@code http://127.0.0.1:PORT/}. */
    String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/";
    }

    /** Answers {@code method path} (path with its query) with {@code status} and a JSON (or problem JSON) body. */
    void answer(String method, String path, int status, String json) {
        String type = status >= 400 ? "application/problem+json" : "application/json";
        answers.put(method + " " + path, new Answer(status, type, json));
    }

    /**
     * Streams {@code events} (name and JSON data, alternating) to every {@code GET path} as Server-Sent Events, then
     * keeps the stream open until the fake closes.
     */
    void stream(String path, String... events) {
        streams.put(path, List.of(events));
    }

    /** Sets the status and sends it, as a {@code status} event, to every open status stream (and later ones). */
    void publishStatus(String json) {
        status = json;
        for (OutputStream out : statusStreams) {
            try {
                writeEvent(out, "status", json);
            } catch (IOException e) {
                statusStreams.remove(out);
            }
        }
    }

    /** The next request the page made (in order), or {@code null} when none came within {@code timeout}. */
    Recorded takeRequest(Duration timeout) throws InterruptedException {
        return requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next request whose method is not GET (the mutating calls), or {@code null} after {@code timeout}. */
    Recorded takeMutatingRequest(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Recorded request = takeRequest(timeout);
        while (request != null && request.method().equals("GET")) {
            request = takeRequest(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        return request;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String full = query == null ? path : path + "?" + query;
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            requests.add(new Recorded(method, full, exchange.getRequestHeaders().getFirst("Authorization"), body));
            if (method.equals("GET") && (path.equals("/") || path.startsWith("/assets/"))) {
                serveFile(exchange, path.equals("/") ? "index.html" : path.substring("/assets/".length()));
            } else if (method.equals("GET") && path.equals("/api/v1/status/events")) {
                serveStatus(exchange);
            } else if (method.equals("GET") && streams.containsKey(full)) {
                serveStream(exchange, streams.get(full));
            } else {
                Answer answer = answers.getOrDefault(method + " " + full, new Answer(404, "application/problem+json",
                        "{\"title\":\"Not found\",\"status\":404,\"detail\":\"no route " + full
                                + "\",\"code\":\"USER\"}"));
                send(exchange, answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8));
            }
        } finally {
            exchange.close();
        }
    }

    private void serveFile(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = FakeApi.class.getResourceAsStream(DASHBOARD + name)) {
            if (in == null || name.contains("/")) {
                send(exchange, 404, "text/plain", new byte[0]);
                return;
            }
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private void serveStatus(HttpExchange exchange) throws IOException {
        OutputStream out = openStream(exchange);
        writeEvent(out, "status", status);
        statusStreams.add(out);
        awaitClose();
        statusStreams.remove(out);
    }

    private void serveStream(HttpExchange exchange, List<String> events) throws IOException {
        OutputStream out = openStream(exchange);
        for (int i = 0; i + 1 < events.size(); i += 2) {
            writeEvent(out, events.get(i), events.get(i + 1));
        }
        awaitClose();
    }

    private static OutputStream openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void writeEvent(OutputStream out, String name, String data) throws IOException {
        synchronized (out) {
            out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server and ends every open stream; idempotent. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
