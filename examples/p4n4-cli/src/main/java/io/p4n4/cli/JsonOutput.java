package io.p4n4.cli;

import io.p4n4.api.project.ValidationReport;
import io.p4n4.cli.output.Json;
import io.p4n4.server.api.ProjectJson;
import java.io.PrintWriter;
import java.util.Map;

/** The {@code --json} shapes of the project commands: one indented document per command. */
final class JsonOutput {
    private JsonOutput() {
    }

    static void print(PrintWriter out, Object value) {
        Json.printDocument(out, value);
    }

    /** The report's document: the same as the server's {@code GET /api/v1/validate}. */
    static Map<String, Object> report(ValidationReport report) {
        return ProjectJson.report(report);
    }
}
