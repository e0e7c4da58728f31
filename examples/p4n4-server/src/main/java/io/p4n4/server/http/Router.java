package io.p4n4.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The server's routes, matched in the order they were added. */
public final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** Adds a route that takes no query parameter. */
    public Router route(String method, String template, Handler handler) {
        return route(method, template, Set.of(), handler);
    }

    /** Adds a route that takes the query parameters {@code query} (and refuses any other). */
    public Router route(String method, String template, Set<String> query, Handler handler) {
        routes.add(new Route(method, template, query, handler));
        return this;
    }

    /** Returns every route, in order (the OpenAPI test compares them with the document). */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * Finds the route for {@code method} and {@code rawPath}.
     *
     * @throws HttpProblem 404 when no template fits the path, 405 (naming the allowed methods) when one fits
     *     with another method
     */
    Matched match(String method, String rawPath) {
        List<String> path = PathSegments.split(rawPath);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = r.match(path);
            if (params == null) {
                continue;
            }
            if (r.method().equals(method)) {
                return new Matched(r, params);
            }
            allowed.add(r.method());
        }
        if (allowed.isEmpty()) {
            throw HttpProblem.notFound("no such route: " + rawPath + "; the routes are in /openapi.json");
        }
        throw new MethodNotAllowed(method, rawPath, allowed);
    }

    /** A route with the parameters taken from the path. */
    record Matched(Route route, Map<String, String> params) {
    }
}
