package io.p4n4.testkit.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The log lines the test binding ({@link CapturingServiceProvider}) kept: every logger is at TRACE, and lines
 * are kept only between {@link #start()} and {@link #stop()} (otherwise dropped, like slf4j-nop).
 */
public final class CapturedLogs {

    private static final List<String> LINES = new CopyOnWriteArrayList<>();
    private static volatile boolean capturing;

    private CapturedLogs() {
    }

    /** Forgets what was kept and starts keeping every line. */
    public static void start() {
        LINES.clear();
        capturing = true;
    }

    /** Stops keeping lines and returns those kept. */
    public static List<String> stop() {
        capturing = false;
        return List.copyOf(LINES);
    }

    static void add(String line) {
        if (capturing) {
            LINES.add(line);
        }
    }
}
