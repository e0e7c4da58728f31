package io.p4n4.cli.score;

import io.p4n4.agent.score.IncompletePublishException;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScorePublisher.Change;
import io.p4n4.agent.score.ScorePublisher.Result;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.JsonError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How {@code score publish} and {@code score delete} show each device's outcome: a line per device, or a JSON
 * row per device ({@code change}, {@code revision}, {@code generation}, {@code error}); when a device failed,
 * every device's outcome and then the failure (under {@code devices} of the JSON error line).
 */
final class DeviceResults {

    private final String deployment;
    private final boolean signed;
    private final Function<Result, String> describe;

    /** {@code describe} words a non-failed outcome for the text line ("created (revision 1)"). */
    DeviceResults(String deployment, boolean signed, Function<Result, String> describe) {
        this.deployment = deployment;
        this.signed = signed;
        this.describe = describe;
    }

    /**
     * Runs {@code call} and prints its outcomes; on a partial failure prints every device's outcome, then
     * throws (text) or prints the error line (JSON) and returns the exit code.
     */
    int run(PrintWriter out, boolean json, Supplier<List<Result>> call,
            Function<Result, Map<String, Object>> extra) {
        List<Result> results;
        try {
            results = call.get();
        } catch (IncompletePublishException e) {
            if (json) {
                Json.printLine(out, JsonError.withDetail(e, "devices", rows(e.results(), extra)));
                return e.code().exitCode();
            }
            print(out, e.results());
            out.flush();
            throw e;
        }
        if (json) {
            Json.printDocument(out, rows(results, extra));
        } else {
            print(out, results);
        }
        return 0;
    }

    /** The text wording shared by both commands: the change, with revision (and generation when signed). */
    static String changeWithRevision(Result r, boolean signed) {
        String change = r.change().name().toLowerCase(Locale.ROOT);
        return signed ? change + " (revision " + r.revision() + ", generation " + r.generation() + ")"
                : change + " (revision " + r.revision() + ")";
    }

    private void print(PrintWriter out, List<Result> results) {
        for (Result r : results) {
            out.printf("%s.%s: %s%n", r.device(), deployment,
                    r.change() == Change.FAILED ? "failed: " + r.error() : describe.apply(r));
        }
    }

    private List<Map<String, Object>> rows(List<Result> results, Function<Result, Map<String, Object>> extra) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ScorePublisher.Result r : results) {
            boolean failed = r.change() == Change.FAILED;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("device", r.device());
            m.put("deployment", deployment);
            m.putAll(extra.apply(r));
            m.put("change", r.change().name().toLowerCase(Locale.ROOT));
            m.put("revision", failed || r.revision() == 0 && r.change() == Change.DELETED ? null : r.revision());
            m.put("generation", !signed || failed ? null : r.generation());
            m.put("error", r.error());
            rows.add(m);
        }
        return rows;
    }
}
