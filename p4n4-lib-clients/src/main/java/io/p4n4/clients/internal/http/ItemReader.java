package io.p4n4.clients.internal.http;

import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads the next item of a streamed body, or returns {@code null} at its clean end.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ItemReader<T> {
    /** Reads one item from {@code source}; {@code null} when the body ended. */
    T next(BufferedSource source) throws IOException;
}
