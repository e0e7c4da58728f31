package io.p4n4.cli.progress;

import io.p4n4.api.engine.PullListener;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressListener;

/**
 * Shows the progress of a long command. Receives the library's step events ({@link ProgressListener}) and,
 * while images are pulled, the engine's per-layer reports ({@link PullListener}: a layer's phase and bytes,
 * or with an empty layer id the image's own status). So one renderer can be handed to {@code up} and to
 * {@code ContainerEngine.pullImage} alike. Thread-safe: engines report from their own threads.
 * {@link #close()} finishes the display (a terminal's live lines stay as they last were).
 */
public interface ProgressRenderer extends ProgressListener, PullListener, AutoCloseable {

    /**
     * A step of {@code up}, {@code down} or a pull. A pull's per-layer report that the executor forwards as
     * {@link ProgressEvent.Step#IMAGE_PULL_PROGRESS} goes to {@link #onProgress(PullProgress)}, so a layer
     * shows the same whether the renderer was handed to the engine or to the executor.
     */
    @Override
    default void onProgress(ProgressEvent event) {
        if (event.step() == ProgressEvent.Step.IMAGE_PULL_PROGRESS) {
            onProgress(new PullProgress(event.subject(), event.layer(), event.detail(), event.current(),
                    event.total()));
        } else {
            onStep(event);
        }
    }

    /** A step other than a pull's per-layer report. */
    void onStep(ProgressEvent event);

    /** A pull report: one layer moved on, or (layer {@code ""}) the image's status changed. */
    @Override
    void onProgress(PullProgress pull);

    /** Finishes the display; idempotent. */
    @Override
    void close();

    /** The share of a layer done, 0 to 1, or -1 when the engine gave no total. */
    static double fraction(PullProgress pull) {
        return pull.total() <= 0 ? -1 : Math.min(1.0, Math.max(0, (double) pull.current()) / pull.total());
    }
}
