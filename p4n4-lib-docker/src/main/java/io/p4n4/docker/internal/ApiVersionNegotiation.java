package io.p4n4.docker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.transport.DockerHttpClient;
import java.net.URI;

/**
 * Picks the Docker API version to speak: the lower of what this client knows ({@link #CLIENT_MAX}) and what
 * the server offers in {@code GET /version} (unversioned path, answered by every engine). Docker 20.10 offers
 * 1.41; Docker 29 refuses anything below 1.44; Podman reports 1.41 and accepts any.
 */
final class ApiVersionNegotiation {
    /** The highest API version the mapping code in this module is written for. */
    static final String CLIENT_MAX = "1.44";

    private ApiVersionNegotiation() {
    }

    /** The server's /version document, asked for without a version prefix. */
    static JsonNode fetchVersion(DockerHttpClient http, URI host) {
        try {
            return new EngineJson(http, null).get("/version");
        } catch (RuntimeException e) {
            throw DockerErrors.wrap(host, "GET /version", null, e);
        }
    }

    /** min(client max, server ApiVersion); the client max when the server does not say. */
    static String negotiate(String serverApiVersion) {
        if (serverApiVersion == null || serverApiVersion.isBlank()) {
            return CLIENT_MAX;
        }
        return compare(serverApiVersion, CLIENT_MAX) < 0 ? serverApiVersion.trim() : CLIENT_MAX;
    }

    /** Compares dotted versions numerically ({@code 1.9 < 1.41}). */
    static int compare(String a, String b) {
        String[] x = a.trim().split("\\.");
        String[] y = b.trim().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? Integer.parseInt(x[i]) : 0;
            int yi = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }
}
