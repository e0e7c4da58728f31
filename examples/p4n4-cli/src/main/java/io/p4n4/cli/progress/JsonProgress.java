package io.p4n4.cli.progress;

import io.p4n4.api.engine.PullProgress;
import io.p4n4.cli.output.Json;
import io.p4n4.compose.exec.ProgressEvent;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --json} progress: one JSON line per event, {@code {"type":"progress","step":"container_started",
 * "subject":"web","detail":"demo-web-1","time":"..."}}; per pull report {@code {"type":"pull","image":...,
 * "layer":...,"status":...,"current":...,"total":...}} (layer {@code ""}: the image's own status), when a
 * layer's phase changes and at most every 200 ms while its bytes move.
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
    public void onStep(ProgressEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "progress");
        m.put("step", event.step().name().toLowerCase(Locale.ROOT));
        m.put("subject", event.subject());
        m.put("detail", event.detail());
        m.put("time", event.time().toString());
        Json.printLine(out, m);
    }

    @Override
    public void onProgress(PullProgress pull) {
        String key = pull.image() + " " + pull.layer();
        long now = System.nanoTime();
        synchronized (this) {
            boolean newPhase = !pull.status().equals(layerPhases.put(key, pull.status()));
            Long last = layerPrinted.get(key);
            if (!newPhase && last != null && now - last < LAYER_INTERVAL_NANOS) {
                return;
            }
            layerPrinted.put(key, now);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "pull");
        m.put("image", pull.image());
        m.put("layer", pull.layer());
        m.put("status", pull.status());
        m.put("current", pull.current());
        m.put("total", pull.total());
        Json.printLine(out, m);
    }

    @Override
    public void close() {
        out.flush();
    }
}
