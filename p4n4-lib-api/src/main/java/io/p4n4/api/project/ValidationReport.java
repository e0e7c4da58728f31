package io.p4n4.api.project;

import io.p4n4.api.ErrorCode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of validating a project: what was checked and passed, and every problem found.
 * Immutable and thread-safe.
 *
 * @param projectDirectory the project validated (or the start directory when none was found)
 * @param passed one line per check that passed, in order
 * @param problems errors and warnings, in order of discovery
 */
public record ValidationReport(Path projectDirectory, List<String> passed, List<Problem> problems) {

    /** Copies the lists. */
    public ValidationReport {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        passed = List.copyOf(passed);
        problems = List.copyOf(problems);
    }

    /** Returns true when there is no error (warnings allowed). */
    public boolean ok() {
        return errors().isEmpty();
    }

    /** Returns the errors. */
    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** Returns the warnings. */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /**
     * Returns the one overall outcome: {@link ErrorCode#OK} without errors, otherwise the lowest
     * non-zero code among the errors (a USER problem such as a missing manifest comes first, since
     * nothing else can be trusted then).
     */
    public ErrorCode errorCode() {
        return errors().stream().map(Problem::errorCode)
                .filter(c -> c != ErrorCode.OK)
                .min(Comparator.comparingInt(ErrorCode::exitCode))
                .orElse(ErrorCode.OK);
    }
}
