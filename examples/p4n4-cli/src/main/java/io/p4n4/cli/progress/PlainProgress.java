package io.p4n4.cli.progress;

import io.p4n4.compose.exec.ProgressEvent;
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
    public synchronized void onProgress(ProgressEvent event) {
        out.println("  " + event);
        out.flush();
    }

    @Override
    public synchronized void onLayer(LayerProgress layer) {
        String key = layer.image() + " " + layer.layer();
        if (layer.status().equals(layerPhases.put(key, layer.status()))) {
            return;
        }
        out.println("  pull " + layer.image() + " layer " + layer.layer() + ": " + layer.status()
                + (layer.total() > 0 ? " (" + Sizes.human(layer.total()) + ")" : ""));
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}
