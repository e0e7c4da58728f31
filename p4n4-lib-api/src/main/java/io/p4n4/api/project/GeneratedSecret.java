package io.p4n4.api.project;

import java.util.Objects;

/**
 * A freshly generated secret value. {@link #toString()} masks the value; read it only through
 * {@link #value()}. Immutable and thread-safe.
 *
 * @param name the variable name
 * @param stack the owning stack
 * @param kind how the value was made
 * @param value the secret value
 */
public record GeneratedSecret(String name, StackId stack, SecretKind kind, String value) {

    /** Validates the components. */
    public GeneratedSecret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "GeneratedSecret[" + name + "=" + SecretRow.MASK + ", stack=" + stack + ", kind=" + kind + "]";
    }
}
