package io.p4n4.server.api;

import io.p4n4.api.project.Problem;
import io.p4n4.api.project.ValidationReport;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON of a validation report: the same document as {@code p4n4 validate --json} (docs/cli-json.md). */
public final class ProjectJson {
    private ProjectJson() {
    }

    /** Returns the report's document. */
    public static Map<String, Object> report(ValidationReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("project", report.projectDirectory().toString());
        m.put("ok", report.ok());
        m.put("exit_code", report.errorCode().exitCode());
        m.put("error_code", report.errorCode().name());
        m.put("passed", report.passed());
        m.put("problems", report.problems().stream().map(ProjectJson::problem).toList());
        return m;
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("severity", p.severity().name().toLowerCase(Locale.ROOT));
        m.put("code", p.errorCode().name());
        m.put("message", p.message());
        m.put("file", p.findFile().map(Object::toString).orElse(null));
        m.put("line", p.line() > 0 ? p.line() : null);
        m.put("key", p.key());
        m.put("hint", p.hint());
        return m;
    }
}
