package io.p4n4.compose.exec;

import java.time.Duration;
import java.util.List;

/**
 * What {@link ComposeExecutor#up} did, per service name. A service with several replicas is listed once among
 * the first four lists, under the biggest change among its containers (recreated, then created, then started,
 * then unchanged). A service whose scale went down is listed in {@code scaledDown}, and among the first four
 * only when one of its remaining containers changed.
 *
 * @param created   services whose container was created
 * @param recreated services whose container was replaced because their configuration changed
 * @param started   services whose existing, unchanged container was started again
 * @param unchanged services left alone: their container was running with the same configuration
 * @param scaledDown services whose surplus replicas were removed because their scale went down
 * @param elapsed   how long {@code up} took
 */
public record UpResult(List<String> created, List<String> recreated, List<String> started, List<String> unchanged,
                       List<String> scaledDown, Duration elapsed) {
    /** Copies the lists. */
    public UpResult {
        created = List.copyOf(created);
        recreated = List.copyOf(recreated);
        started = List.copyOf(started);
        unchanged = List.copyOf(unchanged);
        scaledDown = List.copyOf(scaledDown);
    }

    /** A result without scaled-down services. */
    public UpResult(List<String> created, List<String> recreated, List<String> started, List<String> unchanged,
            Duration elapsed) {
        this(created, recreated, started, unchanged, List.of(), elapsed);
    }

    /** Whether {@code up} changed nothing at all. */
    public boolean nothingChanged() {
        return created.isEmpty() && recreated.isEmpty() && started.isEmpty() && scaledDown.isEmpty();
    }
}
