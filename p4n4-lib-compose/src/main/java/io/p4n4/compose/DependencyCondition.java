package io.p4n4.compose;

import java.util.Locale;

/** When a {@code depends_on} dependency counts as ready. */
public enum DependencyCondition {
    /** The dependency's container has started (compose's default). */
    SERVICE_STARTED,
    /** The dependency's healthcheck reports healthy. */
    SERVICE_HEALTHY,
    /** The dependency ran to completion with exit code 0. */
    SERVICE_COMPLETED_SUCCESSFULLY;

    /** Returns the compose spelling, e.g. {@code service_healthy}. */
    public String composeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the compose spelling; unknown values are an IllegalArgumentException. */
    public static DependencyCondition parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
