package io.p4n4.server.api;

import io.p4n4.server.http.Exchange;
import io.p4n4.server.http.HttpProblem;
import io.p4n4.server.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The files the server ships: the dashboard ({@code /}, {@code /assets/{file}}) and the OpenAPI document
 * ({@code /openapi.json}), read from the jar. Only the listed files are served, so a path cannot reach anything
 * else on the class path.
 */
public final class StaticRoutes {
    /** The OpenAPI document's resource. */
    public static final String OPENAPI = "/io/p4n4/server/openapi.json";

    private static final String DASHBOARD = "/io/p4n4/server/dashboard/";
    private static final Map<String, String> ASSETS = Map.of(
            "app.js", "text/javascript",
            "app.css", "text/css");

    private StaticRoutes() {
    }

    /** Adds the routes. */
    public static void register(Router router) {
        router.route("GET", "/", ex -> serve(ex, DASHBOARD + "index.html", "text/html"))
                .route("GET", "/assets/{file}", StaticRoutes::asset)
                .route("GET", "/openapi.json", ex -> serve(ex, OPENAPI, "application/json"));
    }

    private static void asset(Exchange ex) throws IOException {
        String file = ex.param("file");
        String type = ASSETS.get(file);
        if (type == null) {
            throw HttpProblem.notFound("no asset '" + file + "'; the dashboard's assets are " + ASSETS.keySet());
        }
        serve(ex, DASHBOARD + file, type);
    }

    private static void serve(Exchange ex, String resource, String contentType) throws IOException {
        try (InputStream in = StaticRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the server's jar lacks " + resource);
            }
            ex.header("Cache-Control", "no-cache").bytes(200, contentType, in.readAllBytes());
        }
    }
}
