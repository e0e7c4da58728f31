package io.p4n4.core.seeded;

import com.github.dockerjava.api.DockerClient;

/** Seeded violation: core naming a docker-java class. */
public final class UsesDockerJava {

    private UsesDockerJava() {
    }

    static Object of(DockerClient value) {
        return value;
    }
}
