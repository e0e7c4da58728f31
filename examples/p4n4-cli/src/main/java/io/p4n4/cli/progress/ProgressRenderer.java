package io.p4n4.cli.progress;

import io.p4n4.compose.exec.ProgressListener;

/**
 * Shows the progress of a long command. Receives the library's step events ({@link #onProgress}) and, while
 * images are pulled, per-layer byte counts ({@link #onLayer}). Thread-safe: engines report from their own
 * threads. {@link #close()} finishes the display (a terminal's live lines stay as they last were).
 */
public interface ProgressRenderer extends ProgressListener, AutoCloseable {

    /** One layer of a pull moved on. */
    void onLayer(LayerProgress layer);

    /** Finishes the display; idempotent. */
    @Override
    void close();
}
