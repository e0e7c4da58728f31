package io.p4n4.docker.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The read side of one HTTP connection: a buffer over the socket with the few reads HTTP/1.1 needs (a CRLF
 * line, bytes, what is already buffered). Not thread-safe: one response reads a connection at a time.
 */
final class HttpInput {
    /** Reads some bytes from the socket into the buffer; -1 at end of stream. */
    interface Source {
        int read(ByteBuffer into) throws IOException;
    }

    private static final int MAX_LINE = 64 * 1024;
    private final Source source;
    private final ByteBuffer buf = ByteBuffer.allocate(16 * 1024).flip();

    HttpInput(Source source) {
        this.source = source;
    }

    /** Bytes already read from the socket and not yet consumed. */
    int buffered() {
        return buf.remaining();
    }

    /** A line without its CR LF; null at end of stream before any byte of it. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (!buf.hasRemaining() && !fill()) {
                if (line.length() == 0) {
                    return null;
                }
                throw new EOFException("the engine closed the connection in the middle of a line");
            }
            byte b = buf.get();
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("the engine sent an HTTP line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) (b & 0xff));
        }
    }

    /** How many whole lines are already buffered (reading that many will not block). */
    int linesBuffered() {
        int lines = 0;
        for (int i = buf.position(); i < buf.limit(); i++) {
            if (buf.get(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Up to {@code len} bytes; -1 at end of stream. Blocks only when nothing is buffered. */
    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!buf.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, buf.remaining());
        buf.get(b, off, n);
        return n;
    }

    /** Skips {@code n} buffered bytes; {@code n <= buffered()}. */
    void skipBuffered(long n) {
        buf.position(buf.position() + (int) n);
    }

    /** Reads more from the socket; false at end of stream. */
    private boolean fill() throws IOException {
        buf.clear();
        int n;
        try {
            do {
                n = source.read(buf);
            } while (n == 0);
        } finally {
            buf.flip();
        }
        return n > 0;
    }

    /** The header bytes as text (HTTP heads are ISO-8859-1). */
    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
