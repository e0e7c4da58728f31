package io.p4n4.api.engine;

import java.util.Objects;

/**
 * One progress report of an image pull.
 *
 * @param image the image being pulled
 * @param layer the layer id the report is about, {@code ""} for the whole image
 * @param status the engine's status text ({@code "Downloading"}, {@code "Pull complete"})
 * @param current bytes done for that layer, 0 if unknown
 * @param total bytes in that layer, 0 if unknown
 */
public record PullProgress(String image, String layer, String status, long current, long total) {

    public PullProgress {
        Objects.requireNonNull(image, "image");
        layer = layer == null ? "" : layer;
        status = status == null ? "" : status;
    }
}
