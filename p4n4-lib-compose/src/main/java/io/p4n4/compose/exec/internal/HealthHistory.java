package io.p4n4.compose.exec.internal;

import io.p4n4.api.engine.ContainerHealth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;

/**
 * The last few healthcheck results seen while waiting for one container: exit code and output, also when
 * the check printed nothing (a check that fails silently still failed, and its exit code says how). Not
 * thread-safe: one waiter loop owns it.
 */
final class HealthHistory {
    /** How many results an error message shows. */
    static final int SHOWN = 5;
    private static final int MAX_OUTPUT = 200;

    private record Check(int exitCode, String output, int failingStreak) {
    }

    private final Deque<Check> checks = new ArrayDeque<>();

    /**
     * Records the engine's latest result, unless it is the one recorded last (an inspect between two checks
     * sees the same result again). No result yet ({@code lastExitCode} -1 with no output) records nothing.
     */
    void observe(ContainerHealth health) {
        if (health.lastExitCode() == -1 && health.lastOutput().isBlank()) {
            return;
        }
        record(new Check(health.lastExitCode(), health.lastOutput().strip(), health.failingStreak()));
    }

    /** Records a check p4n4 ran itself (an early probe by exec). */
    void observeProbe(int exitCode, String output) {
        record(new Check(exitCode, output.strip(), -1));
    }

    private void record(Check check) {
        if (check.equals(checks.peekLast())) {
            return;
        }
        checks.addLast(check);
        while (checks.size() > SHOWN) {
            checks.removeFirst();
        }
    }

    /** The output of the latest result (empty when none, or when it printed nothing). */
    String lastOutput() {
        return checks.isEmpty() ? "" : checks.peekLast().output();
    }

    /**
     * {@code last healthchecks (oldest first): exit 1, no output; exit 1, "refused"}, or
     * {@code no healthcheck result yet}.
     */
    String describe() {
        if (checks.isEmpty()) {
            return "no healthcheck result yet";
        }
        return "last healthcheck" + (checks.size() == 1 ? "" : "s (oldest first)") + ": "
                + checks.stream().map(HealthHistory::describe).collect(Collectors.joining("; "));
    }

    private static String describe(Check c) {
        String exit = c.exitCode() == -1 ? "no exit code (did not finish: timeout or could not start)"
                : "exit " + c.exitCode();
        String output = c.output().isEmpty() ? "no output" : "\"" + (c.output().length() > MAX_OUTPUT
                ? c.output().substring(0, MAX_OUTPUT) + "..." : c.output()) + "\"";
        return exit + ", " + output;
    }
}
