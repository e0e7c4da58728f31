package io.p4n4.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a raw request path into decoded segments. */
final class PathSegments {
    private PathSegments() {
    }

    /** {@code /a/b%20c/} → {@code [a, b c]}; empty segments are dropped. */
    static List<String> split(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                // '+' is a literal plus in a path, unlike in a query
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
