package io.p4n4.api.score;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Binds a Score type name (the wire discriminator, e.g. {@code PodmanV0}) to the record class that
 * holds its {@code data}. Immutable and thread-safe.
 *
 * @param name the discriminator: a capitalized identifier ending in a version, like {@code PodmanV0}
 * @param javaType the record class the {@code data} object is read into
 * @param <S> the Score class
 */
public record ScoreType<S extends Score>(String name, Class<S> javaType) {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Za-z0-9]*V[0-9]+");

    /** Validates the name: it must look like {@code PodmanV0} (versioned, no dots or spaces). */
    public ScoreType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(javaType, "javaType");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Score type name '" + name
                    + "' must be a capitalized identifier ending in a version, like PodmanV0");
        }
    }

    /** Returns the type for the given name and record class. */
    public static <S extends Score> ScoreType<S> of(String name, Class<S> javaType) {
        return new ScoreType<>(name, javaType);
    }
}
