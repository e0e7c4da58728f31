package io.p4n4.cli.progress;

import io.p4n4.cli.output.Json;
import io.p4n4.compose.exec.ProgressEvent;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --json} progress: one JSON line per event, {@code {"type":"progress","step":"container_started",
 * "subject":"web","detail":"demo-web-1","time":"..."}}; per pulled layer {@code {"type":"layer","image":...,
 * "layer":...,"status":...,"current":...,"total":...}} when its phase changes and at most every 200 ms while
 * bytes move.
 */
final class JsonProgress implements ProgressRenderer {
    private static final long LAYER_INTERVAL_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final Map<String, Long> layerPrinted = new HashMap<>();
    private final Map<String, String> layerPhases = new HashMap<>();

    JsonProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onProgress(ProgressEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "progress");
        m.put("step", event.step().name().toLowerCase(Locale.ROOT));
        m.put("subject", event.subject());
        m.put("detail", event.detail());
        m.put("time", event.time().toString());
        Json.printLine(out, m);
    }

    @Override
    public void onLayer(LayerProgress layer) {
        String key = layer.image() + " " + layer.layer();
        long now = System.nanoTime();
        synchronized (this) {
            boolean newPhase = !layer.status().equals(layerPhases.put(key, layer.status()));
            Long last = layerPrinted.get(key);
            if (!newPhase && last != null && now - last < LAYER_INTERVAL_NANOS) {
                return;
            }
            layerPrinted.put(key, now);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "layer");
        m.put("image", layer.image());
        m.put("layer", layer.layer());
        m.put("status", layer.status());
        m.put("current", layer.current());
        m.put("total", layer.total());
        Json.printLine(out, m);
    }

    @Override
    public void close() {
        out.flush();
    }
}
