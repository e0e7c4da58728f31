package io.p4n4.api.engine;

/**
 * Receives progress of an image pull. Called on the pulling thread; keep it quick.
 */
@FunctionalInterface
public interface PullListener {

    /** Ignores progress. */
    PullListener NONE = progress -> { };

    /** Called for every progress report the engine sends. */
    void onProgress(PullProgress progress);
}
