package io.p4n4.core.doctor;

import io.p4n4.api.ErrorCode;
import java.util.Comparator;
import java.util.List;

/**
 * What {@link Doctor} found, in the order it looked.
 *
 * @param findings every finding
 */
public record DoctorReport(List<Finding> findings) {
    /** Copies the list. */
    public DoctorReport {
        findings = List.copyOf(findings);
    }

    /** The worst status among the findings ({@link Finding.Status#OK} for none). */
    public Finding.Status worst() {
        return findings.stream().map(Finding::status).max(Comparator.naturalOrder()).orElse(Finding.Status.OK);
    }

    /**
     * The outcome as an exit code: OK without errors, otherwise the lowest code among the errors, as
     * {@code validate} does (an engine that does not answer comes before what depends on it).
     */
    public ErrorCode errorCode() {
        return findings.stream().filter(f -> f.status() == Finding.Status.ERROR).map(Finding::code)
                .min(Comparator.comparingInt(ErrorCode::exitCode)).orElse(ErrorCode.OK);
    }
}
