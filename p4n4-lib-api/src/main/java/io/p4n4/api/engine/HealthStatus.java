package io.p4n4.api.engine;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The health of a container; {@link #NONE} when it has no healthcheck. */
public enum HealthStatus {
    NONE, STARTING, HEALTHY, UNHEALTHY;

    /** Parses the engine's word ({@code "healthy"}, {@code "starting"} ...); null or empty is NONE. */
    public static HealthStatus parse(@Nullable String word) {
        if (word == null || word.isBlank()) {
            return NONE;
        }
        switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "starting":
                return STARTING;
            case "healthy":
                return HEALTHY;
            case "unhealthy":
                return UNHEALTHY;
            default:
                return NONE;
        }
    }
}
