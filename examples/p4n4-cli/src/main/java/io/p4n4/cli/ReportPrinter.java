package io.p4n4.cli;

import io.p4n4.api.project.Problem;
import io.p4n4.api.project.ValidationReport;
import java.io.PrintWriter;

/** Prints a validation report for people: passed checks, then problems with their hints. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(ValidationReport report, PrintWriter out, PrintWriter err, boolean verbose) {
        out.println("Validating project at " + report.projectDirectory());
        if (verbose) {
            report.passed().forEach(p -> out.println("  ok    " + p));
        } else if (!report.passed().isEmpty()) {
            out.println("  ok    " + report.passed().size() + " checks passed");
        }
        for (Problem p : report.problems()) {
            PrintWriter to = p.isError() ? err : out;
            String where = p.findFile().map(f -> relative(report, f) + (p.line() > 0 ? ":" + p.line() : "") + ": ")
                    .orElse("");
            to.println((p.isError() ? "  error " : "  warn  ") + where + p.message() + "  [" + p.id() + "]");
            if (!p.hint().isEmpty()) {
                to.println("        -> " + p.hint());
            }
        }
        err.flush();
        if (report.ok()) {
            out.println(report.warnings().isEmpty() ? "All checks passed."
                    : "Passed with " + report.warnings().size() + " warning(s).");
        } else {
            out.println("Validation failed: " + report.errors().size() + " error(s), exit code "
                    + report.errorCode().exitCode() + " (" + report.errorCode() + ").");
        }
        out.flush();
    }

    private static String relative(ValidationReport report, java.nio.file.Path file) {
        return file.startsWith(report.projectDirectory()) ? report.projectDirectory().relativize(file).toString()
                : file.toString();
    }
}
