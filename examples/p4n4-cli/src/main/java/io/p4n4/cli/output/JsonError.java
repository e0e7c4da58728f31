package io.p4n4.cli.output;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure in {@code --json} mode: {@code {"error":{"code":"USER","exit":2,"message":"..."}}}, plus
 * {@code file}, {@code line}, {@code column} and {@code key} when the failure points into a file. The
 * message is the same text the plain mode prints after {@code error: } (it never holds a secret value).
 */
public final class JsonError {
    private JsonError() {
    }

    /** The error document of {@code code} with {@code message}. */
    public static Map<String, Object> of(ErrorCode code, String message) {
        return Map.of("error", error(code, message));
    }

    /** The error document of a p4n4 failure, with its location when it has one. */
    public static Map<String, Object> of(P4n4Exception failure) {
        Map<String, Object> error = error(failure.code(), String.valueOf(failure.getMessage()));
        if (failure instanceof InvalidFileException f) {
            f.file().ifPresent(p -> error.put("file", p.toString()));
            if (f.line() > 0) {
                error.put("line", f.line());
            }
            if (f.column() > 0) {
                error.put("column", f.column());
            }
            f.key().ifPresent(k -> error.put("key", k));
        }
        return Map.of("error", error);
    }

    /**
     * The error document of a failure that also reports what was done before it failed, under
     * {@code error.<key>} (e.g. {@code devices}: each device's outcome of a multi-device publish).
     */
    public static Map<String, Object> withDetail(P4n4Exception failure, String key, Object detail) {
        Map<String, Object> error = new LinkedHashMap<>(castError(of(failure)));
        error.put(key, detail);
        return Map.of("error", error);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castError(Map<String, Object> document) {
        return (Map<String, Object>) document.get("error");
    }

    private static Map<String, Object> error(ErrorCode code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.put("exit", code.exitCode());
        error.put("message", message);
        return error;
    }
}
