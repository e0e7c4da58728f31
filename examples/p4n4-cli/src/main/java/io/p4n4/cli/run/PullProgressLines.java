package io.p4n4.cli.run;

import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints pull progress as plain lines: every step, and a layer's report when its status changes or its bytes
 * cross another fifth of the layer (a big layer sends hundreds of "Downloading" reports). Thread-safe.
 */
final class PullProgressLines implements ProgressListener {
    private final PrintWriter out;
    /** The last line printed per image and layer: status and fifth. */
    private final Map<String, String> last = new ConcurrentHashMap<>();

    PullProgressLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onProgress(ProgressEvent e) {
        if (e.step() == ProgressEvent.Step.IMAGE_PULL_PROGRESS) {
            long fifth = e.total() > 0 ? e.current() * 5 / e.total() : -1;
            String state = e.detail() + "/" + fifth;
            if (state.equals(last.put(e.subject() + " " + e.layer(), state))) {
                return;
            }
        }
        synchronized (out) {
            out.println("  " + e);
            out.flush();
        }
    }
}
