package io.p4n4.cli.progress;

import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressEvent.Step;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.cli.output.Sizes;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live lines on a terminal, one per network, volume, image and service, rewritten in place as they move on
 * ({@code service  web  started  demo-web-1}); an image being pulled shows one bar per layer
 * ({@code   3f4a9c  Downloading [=======>        ] 1.2 MB / 3.4 MB}) until it is pulled. Warnings are
 * printed above the live lines and stay. Redraws caused by byte counts are limited to ten a second.
 */
final class TerminalProgress implements ProgressRenderer {
    private static final String CLEAR_LINE = "\033[2K";
    private static final String CLEAR_BELOW = "\033[J";
    private static final int BAR_WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final int width;
    private final Map<String, String[]> rows = new LinkedHashMap<>();
    private final Map<String, Map<String, PullProgress>> layers = new LinkedHashMap<>();
    private int drawn;
    private long lastDraw;

    TerminalProgress(PrintWriter out) {
        this.out = out;
        this.width = columns();
    }

    @Override
    public synchronized void onStep(ProgressEvent event) {
        if (event.step() == Step.WARNING) {
            erase();
            out.println("warning: " + event.subject() + ": " + event.detail());
            draw();
            return;
        }
        String kind = kind(event.step());
        rows.put(kind + " " + event.subject(), new String[] {kind, event.subject(), word(event.step()), event.detail()});
        if (event.step() == Step.IMAGE_PULLED) {
            layers.remove(event.subject());
        }
        draw();
    }

    @Override
    public synchronized void onProgress(PullProgress pull) {
        String[] row = rows.computeIfAbsent("image " + pull.image(), k -> new String[] {"image", pull.image(), "pulling", ""});
        if (pull.layer().isEmpty()) {
            // the image's own status ("Pulling from library/x", "Digest: ...") goes beside it
            row[3] = pull.status();
            draw();
            return;
        }
        PullProgress before = layers.computeIfAbsent(pull.image(), i -> new LinkedHashMap<>()).put(pull.layer(), pull);
        boolean newPhase = before == null || !before.status().equals(pull.status());
        if (newPhase || System.nanoTime() - lastDraw >= REDRAW_NANOS) {
            draw();
        }
    }

    @Override
    public synchronized void close() {
        draw();
    }

    /** The live lines as they stand, without escape codes. */
    synchronized List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (String[] row : rows.values()) {
            lines.add(String.format(Locale.ROOT, "%-9s %-32s %-10s %s", row[0], row[1], row[2], row[3]).stripTrailing());
            if (row[0].equals("image")) {
                for (PullProgress l : layers.getOrDefault(row[1], Map.of()).values()) {
                    lines.add("  " + l.layer() + "  " + layerText(l));
                }
            }
        }
        return lines;
    }

    static String layerText(PullProgress l) {
        double fraction = ProgressRenderer.fraction(l);
        if (fraction < 0) {
            return l.status();
        }
        int done = (int) Math.round(fraction * BAR_WIDTH);
        String bar = "=".repeat(Math.max(0, done - 1)) + (done > 0 ? (done == BAR_WIDTH ? "=" : ">") : "")
                + " ".repeat(BAR_WIDTH - done);
        return String.format(Locale.ROOT, "%-12s [%s] %s / %s", l.status(), bar, Sizes.human(l.current()),
                Sizes.human(l.total()));
    }

    private void draw() {
        List<String> lines = lines();
        StringBuilder sb = new StringBuilder();
        if (drawn > 0) {
            sb.append("\033[").append(drawn).append('F'); // back to the first live line
        }
        for (String line : lines) {
            // a wrapped line would break the count of lines to go back up
            sb.append(CLEAR_LINE).append(line.length() >= width ? line.substring(0, width - 1) : line).append('\n');
        }
        sb.append(CLEAR_BELOW);
        out.print(sb);
        out.flush();
        drawn = lines.size();
        lastDraw = System.nanoTime();
    }

    private void erase() {
        if (drawn > 0) {
            out.print("\033[" + drawn + "F" + CLEAR_BELOW);
            drawn = 0;
        }
    }

    private static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 100 : Math.max(40, Integer.parseInt(c.trim()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static String kind(Step step) {
        String name = step.name();
        if (name.startsWith("NETWORK")) {
            return "network";
        }
        if (name.startsWith("VOLUME")) {
            return "volume";
        }
        return name.startsWith("IMAGE") ? "image" : "service";
    }

    private static String word(Step step) {
        return switch (step) {
            case NETWORK_CREATED, VOLUME_CREATED, CONTAINER_CREATED -> "created";
            case NETWORK_EXISTS, VOLUME_EXISTS -> "exists";
            case IMAGE_PULLING -> "pulling";
            case IMAGE_PULLED -> "pulled";
            case IMAGE_BUILDING -> "building";
            case IMAGE_BUILT -> "built";
            case CONTAINER_STARTED -> "started";
            case CONTAINER_UNCHANGED -> "running";
            case CONTAINER_RECREATING -> "recreating";
            case WAITING -> "waiting";
            case READY -> "ready";
            case CONTAINER_STOPPED -> "stopped";
            case CONTAINER_REMOVED, NETWORK_REMOVED, VOLUME_REMOVED -> "removed";
            case WARNING -> "warning";
            // a step added to the library later still shows, under its own name
            default -> step.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
