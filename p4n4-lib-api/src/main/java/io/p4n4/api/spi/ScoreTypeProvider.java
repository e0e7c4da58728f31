package io.p4n4.api.spi;

import io.p4n4.api.score.ScoreType;
import java.util.List;

/**
 * Contributes Score types, found with {@link java.util.ServiceLoader}. A publisher uses the types to
 * refuse unknown or malformed Scores before they reach a device; an agent uses them to read what it
 * is given. Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface ScoreTypeProvider {

    /** Returns the Score types this provider contributes. */
    List<ScoreType<?>> scoreTypes();
}
