package io.p4n4.cli.progress;

import java.util.Objects;

/**
 * Where one layer of an image pull stands, as the engine reports it.
 *
 * @param image   the image being pulled
 * @param layer   the layer's short id
 * @param status  the engine's word for the phase: {@code Waiting}, {@code Downloading}, {@code Extracting},
 *                {@code Pull complete}, ...
 * @param current bytes done in this phase, 0 when unknown
 * @param total   bytes of this phase, 0 when unknown (then no bar is drawn)
 */
public record LayerProgress(String image, String layer, String status, long current, long total) {

    /** Checks the parts. */
    public LayerProgress {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(layer, "layer");
        status = status == null ? "" : status;
        current = Math.max(0, current);
        total = Math.max(0, total);
    }

    /** The share done, 0 to 1, or -1 when the total is unknown. */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) current / total);
    }
}
