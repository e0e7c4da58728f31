package io.p4n4.docker.internal;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * docker-java's transport over a {@code unix://} socket with the JDK's unix-domain {@code SocketChannel}
 * and a small HTTP/1.1 client, instead of the zerodep transport's shaded HttpClient 5, whose set-up (TLS,
 * public-suffix list) was a seventh of the CLI's start-up although a unix socket never uses it. Idle
 * connections are kept for reuse. Requests that hijack the connection for stdin (the upgrade to a raw
 * stream) go to {@code hijacking}, built on first use; this backend sends none today. Thread-safe.
 */
final class UnixSocketHttpClient implements DockerHttpClient {
    private static final int MAX_IDLE = 4;
    private final Path socket;
    private final @Nullable Duration readTimeout;
    private final Supplier<DockerHttpClient> hijacking;
    private final Deque<HttpConnection> idle = new ArrayDeque<>();
    private @Nullable DockerHttpClient hijackingClient;
    private boolean closed;

    /**
     * @param readTimeout how long a read may wait for the engine; null for streams, which may stay silent
     * @param hijacking the transport for requests that upgrade the connection
     */
    UnixSocketHttpClient(Path socket, @Nullable Duration readTimeout, Supplier<DockerHttpClient> hijacking) {
        this.socket = socket;
        this.readTimeout = readTimeout;
        this.hijacking = hijacking;
    }

    @Override
    public Response execute(Request request) {
        if (request.hijackedInput() != null) {
            return hijackingClient().execute(request);
        }
        byte[] bytes = request.bodyBytes();
        InputStream stream = bytes == null ? request.body() : null;
        try {
            while (true) {
                HttpConnection c = acquire();
                boolean reused = c.reused();
                try {
                    c.send(request.method(), request.path(), request.headers(), bytes, stream);
                    HttpResponseHead head = HttpResponseHead.read(c.input());
                    if (head == null) {
                        throw new IOException("the engine closed the connection without an answer");
                    }
                    return new UnixSocketResponse(head, body(c, request.method(), head));
                } catch (IOException e) {
                    c.close();
                    // an idle connection the engine closed meanwhile: send again on a fresh one if the body allows
                    if (!reused || stream != null) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("docker: " + request.method() + " " + request.path() + " on unix://"
                    + socket + " failed: " + e.getMessage(), e);
        }
    }

    private HttpBody body(HttpConnection c, String method, HttpResponseHead head) throws IOException {
        int s = head.status();
        boolean reusable = head.keepAlive();
        if ("HEAD".equals(method) || s == 204 || s == 304 || s < 200) {
            return new HttpBody(c, HttpBody.Framing.LENGTH, 0, reusable, this::release);
        }
        if (head.chunked()) {
            return new HttpBody(c, HttpBody.Framing.CHUNKED, -1, reusable, this::release);
        }
        long length = head.contentLength();
        if (length >= 0) {
            return new HttpBody(c, HttpBody.Framing.LENGTH, length, reusable, this::release);
        }
        return new HttpBody(c, HttpBody.Framing.EOF, -1, false, this::release);
    }

    private HttpConnection acquire() throws IOException {
        synchronized (idle) {
            if (closed) {
                throw new IOException("the docker transport was closed");
            }
            HttpConnection c;
            while ((c = idle.pollFirst()) != null) {
                if (c.isOpen()) {
                    return c;
                }
            }
        }
        return HttpConnection.open(socket, readTimeout);
    }

    /** Takes back a connection whose response was read to its end. */
    private void release(HttpConnection c) {
        synchronized (idle) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.addFirst(c);
                return;
            }
        }
        c.close();
    }

    /** How many connections wait for reuse (for tests). */
    int idleConnections() {
        synchronized (idle) {
            return idle.size();
        }
    }

    private synchronized DockerHttpClient hijackingClient() {
        if (hijackingClient == null) {
            hijackingClient = hijacking.get();
        }
        return hijackingClient;
    }

    @Override
    public void close() throws IOException {
        List<HttpConnection> toClose;
        synchronized (idle) {
            closed = true;
            toClose = List.copyOf(idle);
            idle.clear();
        }
        toClose.forEach(HttpConnection::close);
        DockerHttpClient h;
        synchronized (this) {
            h = hijackingClient;
            hijackingClient = null;
        }
        if (h != null) {
            h.close();
        }
    }

    /** A response whose body streams off the connection. */
    private static final class UnixSocketResponse implements Response {
        private final HttpResponseHead head;
        private final HttpBody body;

        UnixSocketResponse(HttpResponseHead head, HttpBody body) {
            this.head = head;
            this.body = body;
        }

        @Override
        public int getStatusCode() {
            return head.status();
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return head.headers();
        }

        @Override
        public String getHeader(String name) {
            return head.header(name);
        }

        @Override
        public InputStream getBody() {
            return body;
        }

        @Override
        public void close() {
            body.close();
        }
    }
}
