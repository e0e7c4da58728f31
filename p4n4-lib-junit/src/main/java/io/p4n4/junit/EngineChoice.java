package io.p4n4.junit;

/** Which container engine a compose environment runs on. */
public enum EngineChoice {
    /**
     * The library's discovery: {@code P4N4_ENGINE}, then {@code DOCKER_HOST} / {@code CONTAINER_HOST}, then
     * every backend on the class path at its usual sockets.
     */
    AUTO,
    /** Docker, through {@code io.p4n4:p4n4-lib-docker}. */
    DOCKER,
    /** Podman, through {@code io.p4n4:p4n4-lib-podman}. */
    PODMAN;

    /** The provider id ({@code docker}, {@code podman}); empty for {@link #AUTO}. */
    public String providerId() {
        return this == AUTO ? "" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
