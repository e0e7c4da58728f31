package io.p4n4.server.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events answer. Any thread may {@link #send} (events are queued, so a slow client never holds up
 * the thread that produced them); the request's own thread {@link #run}s the stream, writing events and a comment
 * line as heartbeat, until {@link #complete} or the client goes away. A client too slow to take
 * {@value #CAPACITY} queued events is disconnected rather than buffered without bound.
 */
public final class SseStream {
    /** Queued events a client may be behind before it is disconnected. */
    public static final int CAPACITY = 4096;

    private static final String END = "\u0000end";

    private final HttpExchange http;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private volatile boolean open = true;

    private SseStream(HttpExchange http) {
        this.http = http;
    }

    static SseStream open(HttpExchange http) throws IOException {
        http.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        http.getResponseHeaders().set("Cache-Control", "no-cache");
        http.sendResponseHeaders(200, 0);
        SseStream stream = new SseStream(http);
        // the headers reach the client at once, before the first event
        http.getResponseBody().flush();
        return stream;
    }

    /** Queues the event {@code name} with {@code data} as JSON; {@code false} when the stream is closed. */
    public boolean send(String name, Object data) {
        if (!open) {
            return false;
        }
        if (!queue.offer("event: " + name + "\ndata: " + Json.write(data) + "\n\n")) {
            open = false; // too slow: run() ends the stream
        }
        return open;
    }

    /** Ends the stream once every queued event is written. */
    public void complete() {
        queue.offer(END);
    }

    /** Whether the client is still there. */
    public boolean isOpen() {
        return open;
    }

    /**
     * Writes queued events until {@link #complete} or the client leaves, with a heartbeat comment when nothing was
     * sent for {@code heartbeat} (which is also how a silent client's departure is noticed).
     */
    public void run(Duration heartbeat) throws InterruptedException {
        try (OutputStream out = http.getResponseBody()) {
            while (open) {
                String next = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                if (END.equals(next)) {
                    break;
                }
                out.write((next == null ? ": keep-alive\n\n" : next).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException clientLeft) {
            // nothing to answer: the client closed the connection
        } finally {
            open = false;
            http.close();
        }
    }
}
