package io.p4n4.compose.exec;

import io.p4n4.api.engine.PullProgress;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of a long compose operation, for progress display.
 *
 * @param step    what kind of step
 * @param subject the network, volume, image or service the step is about
 * @param detail  a short human-readable detail (never a secret value); for
 *                {@link Step#IMAGE_PULL_PROGRESS} the engine's status ({@code Downloading}, {@code Pull complete})
 * @param time    when it happened
 * @param layer   for {@link Step#IMAGE_PULL_PROGRESS}: the layer id the report is about, {@code ""} for the whole
 *                image; {@code ""} for other steps
 * @param current for {@link Step#IMAGE_PULL_PROGRESS}: bytes of the layer done so far, 0 if unknown
 * @param total   for {@link Step#IMAGE_PULL_PROGRESS}: bytes in the layer, 0 if unknown
 */
public record ProgressEvent(Step step, String subject, String detail, Instant time, String layer, long current,
        long total) {

    /** The kinds of step, in the order {@code up} and {@code down} go through them. */
    public enum Step {
        NETWORK_CREATED, NETWORK_EXISTS, VOLUME_CREATED, VOLUME_EXISTS, IMAGE_PULLING,
        /** One progress report of a pull: {@link #layer()}, {@link #current()}, {@link #total()}. */
        IMAGE_PULL_PROGRESS,
        IMAGE_PULLED,
        IMAGE_BUILDING, IMAGE_BUILT,
        CONTAINER_CREATED, CONTAINER_STARTED, CONTAINER_UNCHANGED, CONTAINER_RECREATING, WAITING, READY,
        CONTAINER_STOPPED, CONTAINER_REMOVED, NETWORK_REMOVED, VOLUME_REMOVED, WARNING
    }

    /** Checks the parts. */
    public ProgressEvent {
        Objects.requireNonNull(step, "step");
        subject = subject == null ? "" : subject;
        detail = detail == null ? "" : detail;
        time = time == null ? Instant.now() : time;
        layer = layer == null ? "" : layer;
    }

    /** An event without layer and bytes (every step but {@link Step#IMAGE_PULL_PROGRESS}). */
    public ProgressEvent(Step step, String subject, String detail, Instant time) {
        this(step, subject, detail, time, "", 0, 0);
    }

    /** The engine's report {@code progress} of a pull, as an {@link Step#IMAGE_PULL_PROGRESS} event. */
    public static ProgressEvent pullProgress(PullProgress progress) {
        return new ProgressEvent(Step.IMAGE_PULL_PROGRESS, progress.image(), progress.status(), Instant.now(),
                progress.layer(), progress.current(), progress.total());
    }

    /** An event happening now. */
    public static ProgressEvent of(Step step, String subject, String detail) {
        return new ProgressEvent(step, subject, detail, Instant.now());
    }

    @Override
    public String toString() {
        String bytes = total > 0 ? " " + current + "/" + total + " bytes" : "";
        String where = layer.isEmpty() ? "" : " layer " + layer;
        return step.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + subject + where
                + (detail.isEmpty() ? "" : " (" + detail + ")") + bytes;
    }
}
