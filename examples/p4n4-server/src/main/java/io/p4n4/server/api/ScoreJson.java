package io.p4n4.server.api;

import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreSummary;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The JSON of Scores: the rows of {@code p4n4 score list --json} and a publish or delete outcome. */
public final class ScoreJson {
    private ScoreJson() {
    }

    /** One stored Score, as a row of {@code p4n4 score list --json} (docs/cli-json.md). */
    public static Map<String, Object> row(ScoreSummary summary) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("device", summary.device());
        row.put("deployment", summary.deployment());
        row.put("revision", summary.revision());
        row.put("type", summary.type());
        row.put("valid", summary.valid());
        row.put("signed_by", summary.signedBy());
        row.put("generation", summary.generation());
        row.put("hash", summary.hash());
        return row;
    }

    /** One device's outcome of a publish or delete. */
    static Map<String, Object> result(ScorePublisher.Result r, String deployment, boolean signed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", r.device());
        m.put("deployment", deployment);
        m.put("change", r.change().name().toLowerCase(Locale.ROOT));
        m.put("revision", r.revision());
        m.put("generation", signed ? r.generation() : null);
        m.put("signed", signed);
        return m;
    }
}
