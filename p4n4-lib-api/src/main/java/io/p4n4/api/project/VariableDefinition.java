package io.p4n4.api.project;

import java.util.Objects;

/**
 * One variable of a stack's root {@code .env}: who owns it, whether it must be set, how its value is
 * made, and how rotation treats it. Immutable and thread-safe; {@link #setting} and {@link #secret} for the
 * usual cases, {@link #builder} for the rest.
 */
public final class VariableDefinition {
    private final String name;
    private final StackId owner;
    private final String description;
    private final boolean required;
    private final SecretKind kind;
    private final String defaultValue;
    private final boolean crossStack;
    private final boolean setupOnly;

    private VariableDefinition(Builder b) {
        this.name = b.name;
        this.owner = b.owner;
        this.description = Objects.requireNonNull(b.description, "description");
        this.required = b.required;
        this.kind = Objects.requireNonNull(b.kind, "kind");
        this.defaultValue = Objects.requireNonNull(b.defaultValue, "defaultValue");
        this.crossStack = b.crossStack;
        this.setupOnly = b.setupOnly;
        if (kind.generated() && !defaultValue.isEmpty()) {
            throw new IllegalArgumentException(name + ": a generated secret has no default value");
        }
    }

    /**
     * Starts a definition of variable {@code name} owned by {@code owner}: required, a plain setting
     * ({@link SecretKind#NONE}), no default, no description, owned by one stack, rotatable.
     */
    public static Builder builder(String name, StackId owner) {
        return new Builder(name, owner);
    }

    /** A required plain setting with a default value. */
    public static VariableDefinition setting(String name, StackId owner, String defaultValue,
            String description) {
        return builder(name, owner).description(description).defaultValue(defaultValue).build();
    }

    /** A required generated secret. */
    public static VariableDefinition secret(String name, StackId owner, SecretKind kind, String description) {
        return builder(name, owner).description(description).kind(kind).build();
    }

    /** Returns a builder pre-filled with this definition, to derive a variant. */
    public Builder toBuilder() {
        return new Builder(name, owner).description(description).required(required).kind(kind)
                .defaultValue(defaultValue).crossStack(crossStack).setupOnly(setupOnly);
    }

    /** Returns a copy marked as shared across stacks. */
    public VariableDefinition crossStackShared() {
        return toBuilder().crossStack(true).build();
    }

    /** Returns a copy marked as set up once (not rotated by default). */
    public VariableDefinition setupOnlySecret() {
        return toBuilder().setupOnly(true).build();
    }

    /** Returns a copy that validation does not require. */
    public VariableDefinition optional() {
        return toBuilder().required(false).build();
    }

    /** The variable name, e.g. {@code INFLUXDB_ADMIN_TOKEN}. */
    public String name() {
        return name;
    }

    /** The stack that owns the variable. */
    public StackId owner() {
        return owner;
    }

    /** One line for {@code .env.example}. */
    public String description() {
        return description;
    }

    /** Whether validation fails when the variable is missing or empty. */
    public boolean required() {
        return required;
    }

    /** How the value is made. */
    public SecretKind kind() {
        return kind;
    }

    /** The value written at init for non-generated variables (empty if none). */
    public String defaultValue() {
        return defaultValue;
    }

    /** True when several stacks use the variable and must share one value. */
    public boolean crossStack() {
        return crossStack;
    }

    /**
     * True when services keep the value from their first start, so rotating it in {@code .env} alone would
     * break them.
     */
    public boolean setupOnly() {
        return setupOnly;
    }

    /** Returns true for a generated secret that rotation renews by default. */
    public boolean rotatable() {
        return kind.generated() && !setupOnly;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof VariableDefinition other)) {
            return false;
        }
        return name.equals(other.name) && owner.equals(other.owner) && description.equals(other.description)
                && required == other.required && kind == other.kind && defaultValue.equals(other.defaultValue)
                && crossStack == other.crossStack && setupOnly == other.setupOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, owner, description, required, kind, defaultValue, crossStack, setupOnly);
    }

    @Override
    public String toString() {
        return "VariableDefinition[name=" + name + ", owner=" + owner + ", description=" + description
                + ", required=" + required + ", kind=" + kind + ", defaultValue=" + defaultValue + ", crossStack="
                + crossStack + ", setupOnly=" + setupOnly + "]";
    }

    /** Collects the fields of a {@link VariableDefinition}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String name;
        private final StackId owner;
        private String description = "";
        private boolean required = true;
        private SecretKind kind = SecretKind.NONE;
        private String defaultValue = "";
        private boolean crossStack;
        private boolean setupOnly;

        private Builder(String name, StackId owner) {
            this.name = Objects.requireNonNull(name, "name");
            this.owner = Objects.requireNonNull(owner, "owner");
        }

        /** Sets the line for {@code .env.example}. */
        public Builder description(String value) {
            this.description = value;
            return this;
        }

        /** Sets whether validation fails when the variable is missing or empty (default true). */
        public Builder required(boolean value) {
            this.required = value;
            return this;
        }

        /** Sets how the value is made (default {@link SecretKind#NONE}, a plain setting). */
        public Builder kind(SecretKind value) {
            this.kind = value;
            return this;
        }

        /** Sets the value written at init; generated secrets have none. */
        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        /** Sets whether several stacks share the variable's one value (default false). */
        public Builder crossStack(boolean value) {
            this.crossStack = value;
            return this;
        }

        /** Sets whether services keep the value from their first start (default false). */
        public Builder setupOnly(boolean value) {
            this.setupOnly = value;
            return this;
        }

        /** Builds the definition; throws IllegalArgumentException for a generated secret with a default. */
        public VariableDefinition build() {
            return new VariableDefinition(this);
        }
    }
}
