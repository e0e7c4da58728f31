package io.p4n4.docker.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The status line and headers of one HTTP/1.x response; header names are case-insensitive.
 *
 * @param version "HTTP/1.1" or "HTTP/1.0"
 * @param status the status code
 * @param headers every header, values in the order received
 */
record HttpResponseHead(String version, int status, Map<String, List<String>> headers) {

    /** Reads a head, skipping interim 1xx responses; null when the connection ended before any byte of it. */
    static HttpResponseHead read(HttpInput in) throws IOException {
        while (true) {
            String statusLine = in.readLine();
            if (statusLine == null) {
                return null;
            }
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("the engine answered with a malformed HTTP status line: " + statusLine);
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("the engine answered with a malformed HTTP status line: " + statusLine, e);
            }
            Map<String, List<String>> headers = readHeaders(in);
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            return new HttpResponseHead(parts[0], status, Collections.unmodifiableMap(headers));
        }
    }

    /** Header lines up to the empty line (also used for chunked trailers). */
    static Map<String, List<String>> readHeaders(HttpInput in) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("the engine sent a malformed HTTP header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        if (line == null) {
            throw new IOException("the engine closed the connection inside the HTTP headers");
        }
        return headers;
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the body is sent in chunks. */
    boolean chunked() {
        List<String> te = headers.get("Transfer-Encoding");
        return te != null && te.stream().anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("chunked"));
    }

    /** The Content-Length, or -1 when absent. */
    long contentLength() throws IOException {
        String value = header("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new NumberFormatException(value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("the engine sent an invalid Content-Length: " + value, e);
        }
    }

    /** Whether the connection may carry another request after this response's body. */
    boolean keepAlive() {
        String connection = header("Connection");
        if ("HTTP/1.0".equals(version)) {
            return connection != null && connection.equalsIgnoreCase("keep-alive");
        }
        return connection == null || !connection.equalsIgnoreCase("close");
    }
}
