package io.p4n4.compose.engine;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import java.util.List;

/**
 * No container engine answered. The message lists every candidate tried and why it failed; {@link #reports()}
 * gives the same as data. Code ENGINE.
 */
public final class EngineDiscoveryException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final transient List<ProbeReport> reports;

    /** Creates the failure for the given probe reports. */
    public EngineDiscoveryException(String message, List<ProbeReport> reports) {
        super(ErrorCode.ENGINE, null, null, message, null);
        this.reports = List.copyOf(reports);
    }

    /** Every candidate tried, in order, with why it failed. */
    public List<ProbeReport> reports() {
        return reports == null ? List.of() : reports;
    }
}
