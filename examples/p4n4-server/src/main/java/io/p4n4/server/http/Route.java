package io.p4n4.server.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One route: a method and a path template whose {@code {name}} segments are parameters, e.g.
 * {@code /api/v1/stacks/{stack}/up}.
 *
 * @param method   the HTTP method
 * @param template the path template
 * @param query    the query parameters it takes; a request with any other is refused (400), not ignored
 * @param handler  what answers it
 */
public record Route(String method, String template, Set<String> query, Handler handler) {

    /** Checks the parts and copies the query names. */
    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        query = Set.copyOf(query);
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a route template starts with '/': " + template);
        }
    }

    /** Returns the template's segments. */
    List<String> segments() {
        return PathSegments.split(template);
    }

    /** Returns the parameters when {@code path}'s segments fit the template, else {@code null}. */
    Map<String, String> match(List<String> path) {
        List<String> parts = segments();
        if (parts.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                params.put(part.substring(1, part.length() - 1), path.get(i));
            } else if (!part.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }
}
