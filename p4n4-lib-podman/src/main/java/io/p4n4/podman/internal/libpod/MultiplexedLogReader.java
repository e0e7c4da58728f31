package io.p4n4.podman.internal.libpod;

import io.p4n4.api.engine.LogStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Splits the body of a logs or exec call into lines per output. Without a TTY, libpod (like Docker)
 * frames the output: one byte stream id (1 stdout, 2 stderr), three zero bytes, a big-endian 32-bit
 * length, then that many bytes. A frame may hold part of a line or several lines, so bytes are buffered
 * per stream until a newline. A body that does not start with a frame header (a TTY container) is read
 * as plain stdout. Not thread-safe; one reader per body.
 */
public final class MultiplexedLogReader {
    /** Receives each complete line (without its newline). */
    @FunctionalInterface
    public interface LineHandler {
        /** Called once per line; return false to stop reading. */
        boolean onLine(LogStream stream, String line);
    }

    private final PushbackInputStream in;
    private final Map<LogStream, ByteArrayOutputStream> partial = new EnumMap<>(LogStream.class);

    /** Reads from {@code in} (which the caller closes). */
    public MultiplexedLogReader(InputStream in) {
        this.in = new PushbackInputStream(in, 8);
    }

    /**
     * Reads until the end of the body or until {@code handler} returns false; a last line without a
     * newline is delivered too.
     */
    public void readAll(LineHandler handler) throws IOException {
        byte[] header = new byte[8];
        int got = in.readNBytes(header, 0, 8);
        if (got == 0) {
            return;
        }
        in.unread(header, 0, got);
        if (got < 8 || !isHeader(header)) {
            readRaw(handler);
            return;
        }
        while (true) {
            int n = in.readNBytes(header, 0, 8);
            if (n < 8) {
                break; // end of body (a truncated header means the connection ended)
            }
            LogStream stream = header[0] == 2 ? LogStream.STDERR : LogStream.STDOUT;
            int length = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
                    | (header[7] & 0xff);
            if (length < 0) {
                throw new IOException("corrupt log frame: negative length " + length);
            }
            byte[] payload = in.readNBytes(length);
            if (!split(stream, payload, handler)) {
                return;
            }
            if (payload.length < length) {
                break;
            }
        }
        flush(handler);
    }

    private static boolean isHeader(byte[] h) {
        return (h[0] == 0 || h[0] == 1 || h[0] == 2) && h[1] == 0 && h[2] == 0 && h[3] == 0;
    }

    private void readRaw(LineHandler handler) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (!split(LogStream.STDOUT, java.util.Arrays.copyOf(buf, n), handler)) {
                return;
            }
        }
        flush(handler);
    }

    private boolean split(LogStream stream, byte[] payload, LineHandler handler) {
        ByteArrayOutputStream acc = partial.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        for (byte b : payload) {
            if (b == '\n') {
                String line = stripCr(acc.toString(StandardCharsets.UTF_8));
                acc.reset();
                if (!handler.onLine(stream, line)) {
                    return false;
                }
            } else {
                acc.write(b);
            }
        }
        return true;
    }

    private void flush(LineHandler handler) {
        for (Map.Entry<LogStream, ByteArrayOutputStream> e : partial.entrySet()) {
            if (e.getValue().size() > 0) {
                String line = stripCr(e.getValue().toString(StandardCharsets.UTF_8));
                e.getValue().reset();
                if (!handler.onLine(e.getKey(), line)) {
                    return;
                }
            }
        }
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
