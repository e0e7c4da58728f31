package io.p4n4.cli;

import io.p4n4.api.project.Problem;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.cli.output.Json;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --json} shapes of the project commands: one indented document per command. */
final class JsonOutput {
    private JsonOutput() {
    }

    static void print(PrintWriter out, Object value) {
        Json.printDocument(out, value);
    }

    static Map<String, Object> report(ValidationReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", report.projectDirectory().toString());
        m.put("ok", report.ok());
        m.put("exit_code", report.errorCode().exitCode());
        m.put("error_code", report.errorCode().name());
        m.put("passed", report.passed());
        m.put("problems", report.problems().stream().map(JsonOutput::problem).toList());
        return m;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
        m.put("code", p.errorCode().name());
        m.put("message", p.message());
        m.put("file", p.findFile().map(Object::toString).orElse(null));
        m.put("line", p.line() > 0 ? p.line() : null);
        m.put("key", p.key());
        m.put("hint", p.hint());
        return m;
    }
}
