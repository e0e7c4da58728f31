package io.p4n4.api.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Passes output lines on and keeps the last few, so a failure can quote what led to it (a build step's
 * output, say). For engine implementations. Thread-safe.
 */
public final class OutputTail implements Consumer<String> {
    private final Consumer<String> next;
    private final int keep;
    private final Deque<String> last = new ArrayDeque<>();

    /** Keeps the last {@code keep} non-blank lines of what goes to {@code next}. */
    public OutputTail(Consumer<String> next, int keep) {
        this.next = next;
        this.keep = keep;
    }

    @Override
    public void accept(String line) {
        String l = line.stripTrailing();
        if (!l.isBlank()) {
            synchronized (last) {
                if (last.size() == keep) {
                    last.removeFirst();
                }
                last.addLast(l);
            }
        }
        next.accept(l);
    }

    /** The kept lines, one per line. */
    public String text() {
        synchronized (last) {
            return String.join("\n", last);
        }
    }
}
