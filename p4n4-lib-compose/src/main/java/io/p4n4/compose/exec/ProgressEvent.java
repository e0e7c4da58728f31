package io.p4n4.compose.exec;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a long compose operation, for progress display.
 *
 * @param step    what kind of step
 * @param subject the network, volume, image or service the step is about
 * @param detail  a short human-readable detail (never a secret value)
 * @param time    when it happened
 */
public record ProgressEvent(Step step, String subject, String detail, Instant time) {

    /** The kinds of step, in the order {@code up} and {@code down} go through them. */
    public enum Step {
        NETWORK_CREATED, NETWORK_EXISTS, VOLUME_CREATED, VOLUME_EXISTS, IMAGE_PULLING, IMAGE_PULLED,
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
    }

    /** An event happening now. */
    public static ProgressEvent of(Step step, String subject, String detail) {
        return new ProgressEvent(step, subject, detail, Instant.now());
    }

    @Override
    public String toString() {
        return step.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + subject
                + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
