package io.p4n4.cli.progress;

import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.cli.output.Sizes;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * One line per step for logs and pipes: {@code   created container web (demo-web-1)}. A pulled layer gets a
 * line when its phase changes ({@code Downloading}, {@code Extracting}, {@code Pull complete}), not one per
 * byte count, so a log stays readable.
 */
final class PlainProgress implements ProgressRenderer {
    private final PrintWriter out;
    private final Map<String, String> layerPhases = new HashMap<>();

    PlainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void onStep(ProgressEvent event) {
        out.println("  " + event);
        out.flush();
    }

    @Override
    public synchronized void onProgress(PullProgress pull) {
        String key = pull.image() + " " + pull.layer();
        if (pull.status().equals(layerPhases.put(key, pull.status()))) {
            return;
        }
        out.println("  pull " + pull.image() + (pull.layer().isEmpty() ? "" : " layer " + pull.layer()) + ": "
                + pull.status() + (pull.total() > 0 ? " (" + Sizes.human(pull.total()) + ")" : ""));
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
