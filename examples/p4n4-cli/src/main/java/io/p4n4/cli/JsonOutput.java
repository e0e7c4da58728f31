package io.p4n4.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.project.Problem;
import io.p4n4.api.project.ValidationReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --json} output: one pretty-printed JSON document per command. */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /** Prints {@code value} (maps, lists, strings, numbers) as one pretty-printed JSON document. */
    public static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot format JSON output", e);
        }
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

    static List<Object> list(List<?> items) {
        return List.copyOf(items);
    }
}
