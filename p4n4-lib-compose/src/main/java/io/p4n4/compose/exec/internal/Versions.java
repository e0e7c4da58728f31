package io.p4n4.compose.exec.internal;

/** Version strings written into labels. */
final class Versions {
    /**
     * The {@code com.docker.compose.version} value. Compose tools only display it; a compose-like version
     * keeps tools that parse it as a version number working.
     */
    static final String COMPOSE_LABEL = "2.0.0";

    private Versions() {
    }
}
