package io.p4n4.api.project;

import java.util.Objects;

/**
 * One variable of a stack's root {@code .env}: who owns it, whether it must be set, how its value is
 * made, and how rotation treats it. Immutable and thread-safe.
 *
 * @param name the variable name, e.g. {@code INFLUXDB_ADMIN_TOKEN}
 * @param owner the stack that owns the variable
 * @param description one line for {@code .env.example}
 * @param required whether validation fails when the variable is missing or empty
 * @param kind how the value is made
 * @param defaultValue the value written at init for non-generated variables (empty if none)
 * @param crossStack true when several stacks use the variable and must share one value
 * @param setupOnly true when services keep the value from their first start, so rotating it in
 *     {@code .env} alone would break them
 */
public record VariableDefinition(String name, StackId owner, String description, boolean required,
        SecretKind kind, String defaultValue, boolean crossStack, boolean setupOnly) {

    /** Validates the definition. */
    public VariableDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (kind.generated() && !defaultValue.isEmpty()) {
            throw new IllegalArgumentException(name + ": a generated secret has no default value");
        }
    }

    /** A required plain setting with a default value. */
    public static VariableDefinition setting(String name, StackId owner, String defaultValue,
            String description) {
        return new VariableDefinition(name, owner, description, true, SecretKind.NONE, defaultValue, false,
                false);
    }

    /** A required generated secret. */
    public static VariableDefinition secret(String name, StackId owner, SecretKind kind, String description) {
        return new VariableDefinition(name, owner, description, true, kind, "", false, false);
    }

    /** Returns a copy marked as shared across stacks. */
    public VariableDefinition crossStackShared() {
        return new VariableDefinition(name, owner, description, required, kind, defaultValue, true, setupOnly);
    }

    /** Returns a copy marked as set up once (not rotated by default). */
    public VariableDefinition setupOnlySecret() {
        return new VariableDefinition(name, owner, description, required, kind, defaultValue, crossStack, true);
    }

    /** Returns a copy that validation does not require. */
    public VariableDefinition optional() {
        return new VariableDefinition(name, owner, description, false, kind, defaultValue, crossStack, setupOnly);
    }

    /** Returns true for a generated secret that rotation renews by default. */
    public boolean rotatable() {
        return kind.generated() && !setupOnly;
    }
}
