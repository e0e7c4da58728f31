package io.p4n4.compose.interpolation;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One variable a template refers to, as written: {@code ${NAME:-default}} is
 * {@code (NAME, DEFAULT_IF_UNSET_OR_EMPTY, "default")}. Immutable and thread-safe.
 *
 * @param name the variable name
 * @param modifier how the reference treats an unset or empty variable
 * @param argument the raw text after the modifier (default, error message or alternative), not yet
 *     interpolated; {@code null} for {@link Modifier#NONE}
 */
public record VariableReference(String name, Modifier modifier, @Nullable String argument) {

    /** The operator of a braced reference, with its compose-spec spelling. */
    public enum Modifier {
        /** {@code $NAME} or {@code ${NAME}}: the value, or empty when unset. */
        NONE(""),
        /** {@code ${NAME:-default}}: the default when unset or empty. */
        DEFAULT_IF_UNSET_OR_EMPTY(":-"),
        /** {@code ${NAME-default}}: the default only when unset. */
        DEFAULT_IF_UNSET("-"),
        /** {@code ${NAME:?message}}: an error when unset or empty. */
        REQUIRED_NON_EMPTY(":?"),
        /** {@code ${NAME?message}}: an error when unset. */
        REQUIRED("?"),
        /** {@code ${NAME:+alternative}}: the alternative when set and not empty, else empty. */
        ALTERNATE_IF_NON_EMPTY(":+"),
        /** {@code ${NAME+alternative}}: the alternative when set (even empty), else empty. */
        ALTERNATE_IF_SET("+");

        private final String operator;

        Modifier(String operator) {
            this.operator = operator;
        }

        /** Returns the operator as written in a template ({@code ":-"}, ...; empty for NONE). */
        public String operator() {
            return operator;
        }

        /** Returns the modifier written as {@code operator}, if it is one. */
        public static Optional<Modifier> findByOperator(String operator) {
            for (Modifier m : values()) {
                if (m != NONE && m.operator.equals(operator)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        }
    }

    /** Validates the components: a name is required, an argument exactly when there is an operator. */
    public VariableReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modifier, "modifier");
        if ((modifier == Modifier.NONE) != (argument == null)) {
            throw new IllegalArgumentException("argument must be null exactly when modifier is NONE");
        }
    }

    /** Creates a plain {@code ${NAME}} reference. */
    public static VariableReference of(String name) {
        return new VariableReference(name, Modifier.NONE, null);
    }

    /**
     * Returns true when an unset or empty variable makes the result incomplete: a plain reference
     * (it silently becomes empty) and the two required forms (they fail).
     */
    public boolean required() {
        return modifier == Modifier.NONE || modifier == Modifier.REQUIRED_NON_EMPTY
                || modifier == Modifier.REQUIRED;
    }

    /** Returns the reference as it would be written in a template. */
    @Override
    public String toString() {
        return modifier == Modifier.NONE ? "${" + name + "}" : "${" + name + modifier.operator + argument + "}";
    }
}
