package io.p4n4.api.project;

import java.util.Objects;

/**
 * One secret of a project as shown to people: never the value, only {@code ****} or a note that it
 * is empty. Immutable and thread-safe.
 *
 * @param name the variable name
 * @param masked {@code ****} when set, {@code (empty)} when empty, {@code (missing)} when absent
 * @param stack the owning stack
 * @param crossStack whether several stacks share the value
 * @param kind how the value is made
 * @param setupOnly whether rotation skips it by default
 */
public record SecretRow(String name, String masked, StackId stack, boolean crossStack, SecretKind kind,
        boolean setupOnly) {

    /** The mask shown for every set secret: no part of the value, not even its length. */
    public static final String MASK = "****";

    /** Validates the components. */
    public SecretRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(kind, "kind");
    }
}
