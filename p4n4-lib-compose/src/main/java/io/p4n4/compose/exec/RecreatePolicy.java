package io.p4n4.compose.exec;

/**
 * When {@link ComposeExecutor#up} replaces a service's existing container, as {@code docker compose up}'s
 * {@code --force-recreate} and {@code --no-recreate} choose.
 */
public enum RecreatePolicy {
    /** Only when its configuration or image changed (compose's default). */
    DIVERGED,
    /** Always, even when nothing changed ({@code --force-recreate}). */
    ALWAYS,
    /** Never: an existing container is kept (and started when stopped) even when it no longer matches ({@code --no-recreate}). */
    NEVER
}
