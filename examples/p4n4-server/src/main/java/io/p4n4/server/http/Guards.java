package io.p4n4.server.http;

import com.sun.net.httpserver.HttpExchange;
import io.p4n4.api.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * What every request passes before its route: CORS (off unless origins are listed; a request from another
 * origin is refused) and the bearer token every mutating call needs.
 */
final class Guards {
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final byte[] token;
    private final List<String> corsOrigins;

    Guards(String token, List<String> corsOrigins) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.corsOrigins = List.copyOf(corsOrigins);
    }

    /**
     * Checks the origin. A browser sends {@code Origin} on cross-origin requests and on same-origin ones that
     * change things; one that is neither this server nor a listed origin is refused, so another site open in the
     * operator's browser cannot drive the server.
     *
     * @return {@code true} when the request was a CORS preflight, answered here
     * @throws HttpProblem 403 for an origin that is not allowed
     */
    boolean checkOrigin(HttpExchange http) throws java.io.IOException {
        String origin = http.getRequestHeaders().getFirst("Origin");
        boolean listed = origin != null && corsOrigins.contains(origin);
        if (origin != null && !listed && !origin.equals(ownOrigin(http))) {
            throw new HttpProblem(403, "Origin not allowed", ErrorCode.USER, "requests from " + origin
                    + " are not allowed (CORS is off); start the server with --cors-origin " + origin
                    + " to allow them");
        }
        if (listed) {
            http.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            http.getResponseHeaders().set("Vary", "Origin");
        }
        if (listed && "OPTIONS".equals(http.getRequestMethod())) {
            http.getResponseHeaders().set("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE");
            http.getResponseHeaders().set("Access-Control-Allow-Headers", "Authorization, Content-Type");
            http.getResponseHeaders().set("Access-Control-Max-Age", "600");
            http.sendResponseHeaders(204, -1);
            return true;
        }
        return false;
    }

    private static String ownOrigin(HttpExchange http) {
        String host = http.getRequestHeaders().getFirst("Host");
        return host == null ? null : "http://" + host;
    }

    /**
     * Checks the bearer token of a mutating call, in constant time.
     *
     * @throws HttpProblem 401 when it is missing or wrong
     */
    void checkToken(HttpExchange http) {
        if (!MUTATING.contains(http.getRequestMethod())) {
            return;
        }
        String header = http.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpProblem(401, "Unauthorized", ErrorCode.USER, http.getRequestMethod()
                    + " needs 'Authorization: Bearer <token>'; the token is P4N4_SERVER_TOKEN in the project's .env");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token)) {
            throw new HttpProblem(401, "Unauthorized", ErrorCode.USER, "the bearer token is wrong; the token is"
                    + " P4N4_SERVER_TOKEN in the project's .env");
        }
    }
}
