package io.p4n4.compose.exec;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ComposeExecutor#upgrade} did: the services whose image changed (and were recreated), and the
 * {@code up} that recreated them ({@link UpResult#nothingChanged()} when no image changed). Immutable and
 * thread-safe.
 *
 * @param changed the services whose container ran another image than the pulled one, in dependency order
 * @param up      what the {@code up} of those services did
 */
public record UpgradeResult(List<ImageChange> changed, UpResult up) {

    /** Checks and copies the parts. */
    public UpgradeResult {
        changed = List.copyOf(changed);
        Objects.requireNonNull(up, "up");
    }

    /** Whether no service's image changed. */
    public boolean nothingChanged() {
        return changed.isEmpty();
    }
}
