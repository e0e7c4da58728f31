package io.p4n4.docker.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection over a unix-domain socket: writes a request, reads a response head; the body is
 * read through {@link #input()}. {@link #close()} may be called from any thread and aborts a blocked read.
 */
final class HttpConnection implements Closeable {
    private static final int UPLOAD_CHUNK = 32 * 1024;
    private final SocketChannel channel;
    private final @Nullable Duration readTimeout;
    private final HttpInput input;
    private volatile boolean timedOut;
    private boolean used;

    private HttpConnection(SocketChannel channel, @Nullable Duration readTimeout) {
        this.channel = channel;
        this.readTimeout = readTimeout;
        this.input = new HttpInput(this::readSocket);
    }

    /** Connects to the socket at {@code path}; reads time out after {@code readTimeout} (null: never). */
    static HttpConnection open(Path path, @Nullable Duration readTimeout) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new HttpConnection(ch, readTimeout);
    }

    HttpInput input() {
        return input;
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    /** Whether a request was sent on this connection before the current one. */
    boolean reused() {
        return used;
    }

    /**
     * Sends a request: the body is {@code bytes} with a Content-Length, or {@code stream} sent chunked, or none.
     */
    void send(String method, String path, Map<String, String> headers, byte @Nullable [] bytes,
              @Nullable InputStream stream) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: docker\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (bytes != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        } else if (stream != null) {
            head.append("Transfer-Encoding: chunked\r\n");
        } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        write(HttpInput.ascii(head.toString()));
        if (bytes != null) {
            write(bytes);
        } else if (stream != null) {
            sendChunked(stream);
        }
        used = true;
    }

    private void sendChunked(InputStream stream) throws IOException {
        byte[] chunk = new byte[UPLOAD_CHUNK];
        int n;
        while ((n = stream.read(chunk)) != -1) {
            if (n > 0) {
                write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                write(ByteBuffer.wrap(chunk, 0, n));
                write(HttpInput.ascii("\r\n"));
            }
        }
        write(HttpInput.ascii("0\r\n\r\n"));
    }

    private void write(byte[] bytes) throws IOException {
        write(ByteBuffer.wrap(bytes));
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private int readSocket(ByteBuffer into) throws IOException {
        Duration timeout = readTimeout;
        if (timeout == null || timeout.isZero()) {
            return channel.read(into);
        }
        ScheduledFuture<?> alarm = ReadTimeoutWatchdog.arm(timeout, this::expire);
        try {
            return channel.read(into);
        } catch (AsynchronousCloseException e) {
            if (timedOut) {
                SocketTimeoutException t = new SocketTimeoutException("the engine sent nothing for " + timeout);
                t.initCause(e);
                throw t;
            }
            throw e;
        } finally {
            alarm.cancel(false);
        }
    }

    private void expire() {
        timedOut = true;
        close();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a unix socket does not fail in a way the caller could act on
        }
    }
}
