package io.p4n4.core.compose.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link ComposeExecutor#down}: immutable record. By default containers get 10 seconds to
 * stop, named volumes are kept and containers of services no longer in the file (orphans) are kept.
 *
 * @param removeVolumes also remove the project's named volumes
 * @param removeOrphans also remove containers of the project whose service is not in the model
 * @param stopTimeout   how long a container may take to stop before it is killed
 * @param progress      where progress goes
 */
public record DownOptions(boolean removeVolumes, boolean removeOrphans, Duration stopTimeout,
                          ProgressListener progress) {

    /** Checks the parts. */
    public DownOptions {
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** The defaults. */
    public static DownOptions defaults() {
        return new DownOptions(false, false, Duration.ofSeconds(10), ProgressListener.NONE);
    }

    /** A copy that also removes volumes, or not. */
    public DownOptions withVolumes(boolean remove) {
        return new DownOptions(remove, removeOrphans, stopTimeout, progress);
    }

    /** A copy that also removes orphans, or not. */
    public DownOptions withOrphans(boolean remove) {
        return new DownOptions(removeVolumes, remove, stopTimeout, progress);
    }

    /** A copy with another stop timeout. */
    public DownOptions withStopTimeout(Duration timeout) {
        return new DownOptions(removeVolumes, removeOrphans, timeout, progress);
    }

    /** A copy with another progress listener. */
    public DownOptions withProgress(ProgressListener listener) {
        return new DownOptions(removeVolumes, removeOrphans, stopTimeout, listener);
    }
}
