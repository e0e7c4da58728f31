package io.p4n4.compose.exec;

/**
 * Receives progress events of {@code up}, {@code down} and {@code pull}, on the calling thread or an
 * engine event thread; implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = event -> { };

    /** Called for every step. */
    void onProgress(ProgressEvent event);
}
