package io.p4n4.core.secrets;

import io.p4n4.api.project.SecretRow;
import org.jspecify.annotations.Nullable;

/** How secrets are shown to people: never any part of the value, not even its length. Thread-safe. */
public final class Masking {
    /** Shown for an empty value. */
    public static final String EMPTY = "(empty)";
    /** Shown when the variable is not in {@code .env}. */
    public static final String MISSING = "(missing)";

    private Masking() {
    }

    /** Returns {@code ****}, {@code (empty)} or {@code (missing)} for {@code value} (null = missing). */
    public static String mask(@Nullable String value) {
        if (value == null) {
            return MISSING;
        }
        return value.isEmpty() ? EMPTY : SecretRow.MASK;
    }
}
