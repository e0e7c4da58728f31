package io.p4n4.compose.engine;

import java.util.Objects;

/**
 * What probing one candidate found.
 *
 * @param candidate the engine tried
 * @param available whether it answered
 * @param detail what answered, or why not
 */
public record ProbeReport(EngineCandidate candidate, boolean available, String detail) {

    public ProbeReport {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(detail, "detail");
    }

    /** {@code docker at unix:///... (default): no socket at ...}. */
    public String describe() {
        return candidate.describe() + ": " + (available ? "OK, " : "") + detail;
    }
}
