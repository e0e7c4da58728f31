package io.p4n4.docker.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One response body read off its connection as it arrives (never buffered whole), framed by Content-Length,
 * by chunks (extensions and trailers skipped) or by the end of the connection. When the body has been read to
 * its end the connection goes back to the pool ({@code recycle}); a body closed before its end closes the
 * connection, which also stops a followed stream that another thread is blocked reading.
 */
final class HttpBody extends InputStream {
    /** How the end of the body is found. */
    enum Framing { LENGTH, CHUNKED, EOF }

    private final HttpConnection connection;
    private final HttpInput in;
    private final Framing framing;
    private final boolean reusable;
    private final Consumer<HttpConnection> recycle;
    /** LENGTH: bytes left; CHUNKED: bytes left in the current chunk (0: a chunk-size line is next). */
    private long remaining;
    private boolean chunkOpen;
    private volatile boolean done;
    private volatile boolean closed;
    /** Held while a read runs; close() from another thread then aborts the connection instead of draining. */
    private final ReentrantLock lock = new ReentrantLock();

    HttpBody(HttpConnection connection, Framing framing, long length, boolean reusable,
             Consumer<HttpConnection> recycle) {
        this.connection = connection;
        this.in = connection.input();
        this.framing = framing;
        this.remaining = framing == Framing.LENGTH ? length : 0;
        this.reusable = reusable && framing != Framing.EOF;
        this.recycle = recycle;
        if (framing == Framing.LENGTH && length == 0) {
            finish();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        while ((n = read(one, 0, 1)) == 0) {
            // a zero-length read cannot happen with len 1, but loop rather than report a byte
        }
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            return readLocked(b, off, len);
        } finally {
            lock.unlock();
        }
    }

    private int readLocked(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("the response body was closed");
        }
        if (done || len == 0) {
            return done ? -1 : 0;
        }
        switch (framing) {
            case LENGTH:
                return readLength(b, off, len);
            case CHUNKED:
                return readChunked(b, off, len);
            default:
                int n = in.read(b, off, len);
                if (n < 0) {
                    finish();
                }
                return n;
        }
    }

    private int readLength(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("the engine closed the connection " + remaining + " bytes before the body's end");
        }
        remaining -= n;
        if (remaining == 0) {
            finish();
        }
        return n;
    }

    private int readChunked(byte[] b, int off, int len) throws IOException {
        if (!chunkOpen && !nextChunk()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw new EOFException("the engine closed the connection inside a chunk");
        }
        remaining -= n;
        if (remaining == 0) {
            endChunk();
        }
        return n;
    }

    /** Reads a chunk-size line; false (and the body finished) at the last chunk. */
    private boolean nextChunk() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new EOFException("the engine closed the connection before the last chunk");
        }
        int ext = line.indexOf(';');
        String hex = (ext >= 0 ? line.substring(0, ext) : line).trim();
        long size;
        try {
            size = Long.parseLong(hex, 16);
        } catch (NumberFormatException e) {
            throw new IOException("the engine sent a malformed chunk size: " + line, e);
        }
        if (size == 0) {
            HttpResponseHead.readHeaders(in);
            finish();
            return false;
        }
        remaining = size;
        chunkOpen = true;
        return true;
    }

    private void endChunk() throws IOException {
        chunkOpen = false;
        String crlf = in.readLine();
        if (crlf == null || !crlf.isEmpty()) {
            throw new IOException("the engine sent a chunk without its closing CRLF");
        }
    }

    @Override
    public int available() {
        if (done || closed) {
            return 0;
        }
        int buffered = in.buffered();
        return framing == Framing.EOF ? buffered : (int) Math.min(buffered, remaining);
    }

    /** Whether the body was read to its end. */
    boolean done() {
        return done;
    }

    private void finish() {
        if (!done) {
            done = true;
            if (reusable) {
                recycle.accept(connection);
            } else {
                connection.close();
            }
        }
    }

    /**
     * Closes the body; when its rest is already buffered (a JSON reader stops at the closing brace, before the
     * terminating chunk) it is skipped so the connection can be reused, otherwise the connection is closed.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (!lock.tryLock()) {
            // another thread is blocked reading (a followed stream): closing the connection stops it
            closed = true;
            done = true;
            connection.close();
            return;
        }
        try {
            if (!done && framing != Framing.EOF) {
                skipBufferedRest();
            }
        } catch (IOException e) {
            // the rest could not be skipped: the connection is closed below
        } finally {
            closed = true;
            if (!done) {
                done = true;
                connection.close();
            }
            lock.unlock();
        }
    }

    private void skipBufferedRest() throws IOException {
        while (!done) {
            if (framing == Framing.LENGTH || chunkOpen) {
                long rest = framing == Framing.LENGTH ? remaining : remaining + 2;
                if (in.buffered() < rest) {
                    return;
                }
                in.skipBuffered(remaining);
                remaining = 0;
                if (framing == Framing.LENGTH) {
                    finish();
                } else {
                    endChunk();
                }
            } else if (in.linesBuffered() >= 2) {
                // a size line and the next (data or, after the last chunk, the empty line ending the trailers)
                nextChunk();
            } else {
                return;
            }
        }
    }
}
