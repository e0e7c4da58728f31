package io.p4n4.benchmarks.influx;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A tiny stand-in for InfluxDB's {@code /api/v2/write} on loopback: reads every body (gunzipping
 * when asked), counts its lines and answers 204, like InfluxDB does. Thread-safe; close to stop.
 */
final class LineSink implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    LineSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/api/v2/write", this::write);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long lines() {
        return lines.get();
    }

    long requests() {
        return requests.get();
    }

    void reset() {
        lines.set(0);
        requests.set(0);
    }

    private void write(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        byte[] buf = new byte[64 * 1024];
        long count = 0;
        int last = -1;
        for (int n; (n = in.read(buf)) > 0;) {
            for (int k = 0; k < n; k++) {
                if (buf[k] == '\n') {
                    count++;
                }
            }
            last = buf[n - 1];
        }
        if (last != -1 && last != '\n') {
            count++; // the official client does not end its last line with a newline
        }
        lines.addAndGet(count);
        requests.incrementAndGet();
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
