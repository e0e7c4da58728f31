package io.p4n4.api.engine;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When the engine restarts a container.
 *
 * @param mode no, always, on-failure or unless-stopped
 * @param maxRetries for on-failure: how many restarts at most (0 = unlimited)
 */
public record RestartPolicy(Mode mode, int maxRetries) {

    /** The restart modes both engines understand. */
    public enum Mode {
        NO("no"), ALWAYS("always"), ON_FAILURE("on-failure"), UNLESS_STOPPED("unless-stopped");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        /** Returns the engine's spelling ({@code "on-failure"}). */
        public String wireName() {
            return wireName;
        }
    }

    /** Never restart. */
    public static final RestartPolicy NO = new RestartPolicy(Mode.NO, 0);

    public RestartPolicy {
        Objects.requireNonNull(mode, "mode");
    }

    /**
     * Parses compose's spelling: {@code no}, {@code always}, {@code unless-stopped},
     * {@code on-failure} or {@code on-failure:N}; null or blank is {@code no}.
     */
    public static RestartPolicy parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return NO;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        int retries = 0;
        int colon = t.indexOf(':');
        if (colon >= 0) {
            retries = Integer.parseInt(t.substring(colon + 1));
            t = t.substring(0, colon);
        }
        for (Mode m : Mode.values()) {
            if (m.wireName.equals(t)) {
                return new RestartPolicy(m, retries);
            }
        }
        throw new IllegalArgumentException("unknown restart policy '" + text
                + "'; use no, always, on-failure[:N] or unless-stopped");
    }
}
