package io.p4n4.compose.exec.internal;

/** What a waiter waits for on a container. */
public enum Readiness {
    /** The container has been started (compose's {@code service_started}). */
    STARTED,
    /** The container's healthcheck passed ({@code service_healthy}). */
    HEALTHY,
    /** The container exited with code 0 ({@code service_completed_successfully}). */
    COMPLETED,
    /** Healthy when it has a healthcheck, otherwise running or exited with 0 ({@code up --wait}). */
    READY
}
