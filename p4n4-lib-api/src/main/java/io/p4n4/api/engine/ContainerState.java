package io.p4n4.api.engine;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The lifecycle state of a container, as both Docker and Podman report it. */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

    /**
     * Parses an engine's state word ({@code "running"}, {@code "exited"}, Podman's {@code "configured"}
     * and {@code "stopped"} ...); anything unrecognised becomes {@link #UNKNOWN}.
     */
    public static ContainerState parse(@Nullable String word) {
        if (word == null) {
            return UNKNOWN;
        }
        switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "created":
            case "configured": // podman: created but never initialized
            case "initialized":
                return CREATED;
            case "running":
                return RUNNING;
            case "paused":
                return PAUSED;
            case "restarting":
                return RESTARTING;
            case "removing":
                return REMOVING;
            case "exited":
            case "stopped": // podman
                return EXITED;
            case "dead":
                return DEAD;
            default:
                return UNKNOWN;
        }
    }

    /** Returns true while the container's main process is alive (running, paused or restarting). */
    public boolean isAlive() {
        return this == RUNNING || this == PAUSED || this == RESTARTING;
    }
}
