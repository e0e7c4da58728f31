package io.p4n4.api.score;

/**
 * A typed desired-state document: what should run on a device. Implementations are immutable records
 * whose components are the {@code data} part of the wire form {@code {"type":..., "data":{...}}}.
 *
 * <p>A Score type is versioned in its name ({@code PodmanV0}); a change that old agents could not
 * read gets a new name. Implementations must be immutable and therefore thread-safe.
 */
public interface Score {

    /** Returns the name of this Score's type, the {@code type} discriminator on the wire. */
    String type();
}
