package io.p4n4.api.engine;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Passes output lines on and keeps the last few, so a failure can quote what led to it (a build step's
 * output, say), with given secret values masked in both. For engine implementations. Thread-safe.
 */
public final class OutputTail implements Consumer<String> {
    /** Values shorter than this are not masked: they would blank out ordinary words. */
    private static final int MIN_SECRET = 4;
    private final Consumer<String> next;
    private final int keep;
    private final List<String> secrets;
    private final Deque<String> last = new ArrayDeque<>();

    /** Keeps the last {@code keep} non-blank lines of what goes to {@code next}. */
    public OutputTail(Consumer<String> next, int keep) {
        this(next, keep, List.of());
    }

    /** The same, replacing every value in {@code secrets} (of 4 characters or more) with {@code ****}. */
    public OutputTail(Consumer<String> next, int keep, Collection<String> secrets) {
        this.next = next;
        this.keep = keep;
        this.secrets = secrets.stream().filter(v -> v != null && v.length() >= MIN_SECRET).toList();
    }

    @Override
    public void accept(String line) {
        String l = mask(line.stripTrailing());
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

    /** {@code text} with every secret value replaced by {@code ****}. */
    public String mask(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "****");
        }
        return out;
    }

    /** The kept lines, one per line. */
    public String text() {
        synchronized (last) {
            return String.join("\n", last);
        }
    }
}
