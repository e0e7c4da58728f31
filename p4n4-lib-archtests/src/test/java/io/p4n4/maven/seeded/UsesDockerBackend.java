package io.p4n4.maven.seeded;

import io.p4n4.docker.DockerEngineProvider;

/** Seeded violation: the Maven plugin naming a backend instead of finding it by ServiceLoader. */
public final class UsesDockerBackend {

    private UsesDockerBackend() {
    }

    static Object of(DockerEngineProvider value) {
        return value;
    }
}
