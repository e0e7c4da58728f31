package io.p4n4.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK HTTP client for the server under test: JSON calls and Server-Sent Event streams read line by line. */
final class TestHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    TestHttp(URI base) {
        this.base = base;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> call(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder r = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return send(r);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Opens an event stream; its events are read on a thread into a queue. */
    Events events(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> r = CLIENT.send(request(path).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        return new Events(r);
    }

    /** One event: its name and its data parsed as JSON. */
    record Event(String name, JsonNode data) {
    }

    /** A stream of events; {@link #next} waits a bounded time for the next one. */
    static final class Events implements AutoCloseable {
        private static final Event END = new Event("", null);

        final HttpResponse<InputStream> response;
        private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        private final Thread reader;

        Events(HttpResponse<InputStream> response) {
            this.response = response;
            reader = new Thread(this::read, "test-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    } else if (line.isEmpty() && name != null) {
                        queue.add(new Event(name, JSON.readTree(data.toString())));
                        name = null;
                        data.setLength(0);
                    }
                }
            } catch (IOException closed) {
                // the stream ended
            } finally {
                queue.add(END);
            }
        }

        /** The next event within {@code timeout}; {@code null} when none came or the stream ended. */
        Event next(Duration timeout) throws InterruptedException {
            Event e = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return e == END ? null : e;
        }

        /** The next event named {@code name} within {@code timeout}, skipping others; {@code null} if none. */
        Event next(String name, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            for (long left = timeout.toNanos(); left > 0; left = end - System.nanoTime()) {
                Event e = next(Duration.ofNanos(left));
                if (e == null) {
                    return null;
                }
                if (e.name().equals(name)) {
                    return e;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            response.body().close();
            reader.interrupt();
        }
    }
}
