package io.p4n4.server.http;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** RFC 9457 problem details for the library's failures, with the {@link ErrorCode} and where the fault is. */
public final class Problems {
    /** The media type of a problem document. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** Returns the HTTP status {@code e} answers with. */
    public static int status(P4n4Exception e) {
        return e instanceof HttpProblem p ? p.status() : HttpStatus.of(e.code());
    }

    /** Returns the problem document of {@code e} for the request to {@code instance}. */
    public static Map<String, Object> of(P4n4Exception e, String instance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "https://p4n4.io/problems/" + e.code().name().toLowerCase(Locale.ROOT));
        m.put("title", e instanceof HttpProblem p ? p.title() : title(e.code()));
        m.put("status", status(e));
        m.put("detail", e.getMessage());
        m.put("instance", instance);
        m.put("code", e.code().name());
        if (e instanceof InvalidFileException f) {
            f.file().ifPresent(p -> m.put("file", p.toString()));
            if (f.line() > 0) {
                m.put("line", f.line());
            }
            f.key().ifPresent(k -> m.put("key", k));
        }
        return m;
    }

    private static String title(ErrorCode code) {
        return switch (code) {
            case OK -> "OK";
            case USER -> "Bad request";
            case VALIDATION -> "Validation failed";
            case COMPATIBILITY -> "Incompatible version";
            case ENGINE -> "Container engine failed";
            case NETWORK -> "Service unavailable";
            case GENERAL -> "Internal error";
        };
    }
}
