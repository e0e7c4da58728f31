package io.p4n4.docker.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code Warnings} of Docker's create response. Docker accepts some settings it cannot apply
 * ("Your kernel does not support OomKillDisable. OomKillDisable discarded.") and creates the container
 * without them: such a warning means a setting was dropped, which must not pass silently.
 */
final class CreateWarnings {

    private CreateWarnings() {
    }

    /** The warnings that say a setting was discarded, ignored or is unsupported. */
    static List<String> droppedSettings(String[] warnings) {
        if (warnings == null) {
            return List.of();
        }
        return Arrays.stream(warnings).filter(w -> w != null && saysDropped(w.toLowerCase(Locale.ROOT))).toList();
    }

    private static boolean saysDropped(String w) {
        return w.contains("discarded") || w.contains("does not support") || w.contains("not supported")
                || w.contains("ignored") || w.contains("ignoring");
    }
}
