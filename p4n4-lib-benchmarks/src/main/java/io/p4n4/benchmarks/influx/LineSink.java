package io.p4n4.benchmarks.influx;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * A tiny stand-in for InfluxDB's {@code /api/v2/write} on loopback: a minimal HTTP/1.1 server
 * (keep-alive, {@code Content-Length} bodies, optional gzip) that counts the lines of every body and
 * answers 204 like InfluxDB. Raw sockets rather than the JDK's HttpServer, whose body reading caps
 * out near 50 requests of 450 KB per second here and would measure the sink, not the clients.
 * Thread-safe; close to stop.
 */
final class LineSink implements AutoCloseable {
    private static final byte[] NO_CONTENT = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "line-sink");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    LineSink() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        executor.execute(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
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

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                executor.execute(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 256 * 1024);
                OutputStream out = socket.getOutputStream()) {
            byte[] body = new byte[0];
            while (true) {
                long length = -1;
                boolean gzip = false;
                String line = readLine(in);
                if (line == null) {
                    return;
                }
                while (!(line = readLine(in)).isEmpty()) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(lower.substring(15).trim());
                    } else if (lower.startsWith("content-encoding:") && lower.contains("gzip")) {
                        gzip = true;
                    }
                }
                if (length < 0) {
                    throw new IOException("the sink needs Content-Length bodies");
                }
                if (body.length < length) {
                    body = new byte[(int) length];
                }
                int read = in.readNBytes(body, 0, (int) length);
                if (read < length) {
                    return;
                }
                lines.addAndGet(gzip ? countLines(new GZIPInputStream(new ByteArrayInputStream(body, 0, read)))
                        : countLines(body, read));
                requests.incrementAndGet();
                out.write(NO_CONTENT);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int c; (c = in.read()) != -1;) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    // lines, counting a last line without a newline (the official client does not end with one)
    private static long countLines(byte[] buf, int n) {
        long count = 0;
        for (int k = 0; k < n; k++) {
            if (buf[k] == '\n') {
                count++;
            }
        }
        return n > 0 && buf[n - 1] != '\n' ? count + 1 : count;
    }

    private static long countLines(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        return countLines(all, all.length);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing to do
        }
        executor.shutdownNow();
    }
}
