package io.p4n4.server.http;

import io.p4n4.api.ErrorCode;

/** How the library's {@link ErrorCode}s map to HTTP statuses (docs/server.md, "Errors"). */
public final class HttpStatus {
    private HttpStatus() {
    }

    /** Returns the status a problem with {@code code} answers with. */
    public static int of(ErrorCode code) {
        return switch (code) {
            case OK -> 200;
            case USER -> 400;
            case VALIDATION -> 422;
            case COMPATIBILITY -> 409;
            case ENGINE -> 502;
            case NETWORK -> 503;
            case GENERAL -> 500;
        };
    }
}
