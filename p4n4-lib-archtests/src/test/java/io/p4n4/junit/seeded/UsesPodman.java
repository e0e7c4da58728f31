package io.p4n4.junit.seeded;

import io.p4n4.podman.PodmanEngineProvider;

/** Seeded violation: the JUnit extension naming a backend instead of discovering it. */
public final class UsesPodman {

    private UsesPodman() {
    }

    static Object of(PodmanEngineProvider value) {
        return value;
    }
}
