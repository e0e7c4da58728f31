package io.p4n4.compose.internal;

/**
 * The two compose merge tags as tree values: {@code !reset} (drop what earlier files set) and
 * {@code !override} (replace instead of merge).
 */
public final class Tagged {
    private Tagged() {
    }

    /** {@code !reset}: the attribute is removed from the merged result. */
    public enum Reset {
        /** The only instance. */
        INSTANCE
    }

    /** {@code !override value}: the value replaces the earlier one whole. */
    public record Override(Object value) {
    }

    /** Returns the value without its {@code !override} wrapper. */
    public static Object unwrap(Object value) {
        return value instanceof Override o ? o.value() : value;
    }
}
