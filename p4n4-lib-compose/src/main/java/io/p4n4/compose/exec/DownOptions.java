package io.p4n4.compose.exec;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link ComposeExecutor#down}: immutable record. By default each container gets its service's
 * {@code stop_grace_period} (10 seconds when it sets none) to stop, as with {@code docker compose down},
 * named volumes are kept and containers of services no longer in the file (orphans) are kept.
 *
 * @param removeVolumes also remove the project's named volumes
 * @param removeOrphans also remove containers of the project whose service is not in the model
 * @param stopTimeout   how long every container may take to stop before it is killed; null for each
 *                      service's {@code stop_grace_period}
 * @param progress      where progress goes
 */
public record DownOptions(boolean removeVolumes, boolean removeOrphans, @Nullable Duration stopTimeout,
                          ProgressListener progress) {

    /** Checks the parts. */
    public DownOptions {
        if (stopTimeout != null && stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout must not be negative: " + stopTimeout);
        }
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** The defaults. */
    public static DownOptions defaults() {
        return new DownOptions(false, false, null, ProgressListener.NONE);
    }

    /** A copy that also removes volumes, or not. */
    public DownOptions withVolumes(boolean remove) {
        return new DownOptions(remove, removeOrphans, stopTimeout, progress);
    }

    /** A copy that also removes orphans, or not. */
    public DownOptions withOrphans(boolean remove) {
        return new DownOptions(removeVolumes, remove, stopTimeout, progress);
    }

    /** The stop timeout that overrides every service's {@code stop_grace_period}, if one was set. */
    public Optional<Duration> findStopTimeout() {
        return Optional.ofNullable(stopTimeout);
    }

    /** A copy in which every container gets {@code timeout} to stop, whatever its service's grace period. */
    public DownOptions withStopTimeout(Duration timeout) {
        return new DownOptions(removeVolumes, removeOrphans, timeout, progress);
    }

    /** A copy with another progress listener. */
    public DownOptions withProgress(ProgressListener listener) {
        return new DownOptions(removeVolumes, removeOrphans, stopTimeout, listener);
    }
}
