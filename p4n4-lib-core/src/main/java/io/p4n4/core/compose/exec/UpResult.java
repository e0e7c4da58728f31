package io.p4n4.core.compose.exec;

import java.time.Duration;
import java.util.List;

/**
 * What {@link ComposeExecutor#up} did, per service name.
 *
 * @param created   services whose container was created
 * @param recreated services whose container was replaced because their configuration changed
 * @param started   services whose existing, unchanged container was started again
 * @param unchanged services left alone: their container was running with the same configuration
 * @param elapsed   how long {@code up} took
 */
public record UpResult(List<String> created, List<String> recreated, List<String> started, List<String> unchanged,
                       Duration elapsed) {
    /** Copies the lists. */
    public UpResult {
        created = List.copyOf(created);
        recreated = List.copyOf(recreated);
        started = List.copyOf(started);
        unchanged = List.copyOf(unchanged);
    }

    /** Whether {@code up} changed nothing at all. */
    public boolean nothingChanged() {
        return created.isEmpty() && recreated.isEmpty() && started.isEmpty();
    }
}
