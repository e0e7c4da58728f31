package io.p4n4.podman.seeded;

import io.p4n4.docker.DockerEngineProvider;

/** Seeded violation: the Podman backend reaching into the Docker backend. */
public final class UsesDocker {

    private UsesDocker() {
    }

    static Object of(DockerEngineProvider value) {
        return value;
    }
}
