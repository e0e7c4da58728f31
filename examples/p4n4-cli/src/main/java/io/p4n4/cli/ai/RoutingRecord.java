package io.p4n4.cli.ai;

import io.p4n4.clients.router.Attempt;
import io.p4n4.clients.router.RoutedAnswer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The routing record of an answer as {@code --json} prints it: who answered, time to first token in
 * milliseconds, whether it switched providers mid-answer, and each attempt with its reason and error code.
 */
final class RoutingRecord {
    private RoutingRecord() {
    }

    static Map<String, Object> of(RoutedAnswer a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("provider", a.provider());
        r.put("model", a.model());
        r.put("timeToFirstTokenMs", a.timeToFirstToken().toMillis());
        r.put("switchedMidAnswer", a.switchedMidAnswer());
        r.put("attempts", a.attempts().stream().map(RoutingRecord::attempt).toList());
        return r;
    }

    private static Map<String, Object> attempt(Attempt a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", a.provider());
        m.put("model", a.model());
        m.put("reason", a.reason() == null ? null : a.reason().name().toLowerCase(Locale.ROOT));
        m.put("code", a.code().name());
        m.put("message", a.message());
        m.put("elapsedMs", a.elapsed().toMillis());
        return m;
    }

    /** One line for standard error in text mode, when the answer did not come from the first provider. */
    static String note(RoutedAnswer a) {
        List<String> failed = a.attempts().stream().filter(x -> !x.answered())
                .map(x -> x.provider() + " " + x.reason().name().toLowerCase(Locale.ROOT)).toList();
        return "(answered by " + a.provider() + " " + a.model() + "; " + String.join(", ", failed)
                + (a.switchedMidAnswer() ? "; switched mid-answer" : "") + ")";
    }
}
