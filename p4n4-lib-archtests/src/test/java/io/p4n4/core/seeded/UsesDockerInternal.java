package io.p4n4.core.seeded;

import io.p4n4.docker.internal.seeded.Hidden;

/** Seeded violation: core using an internal class of the Docker module. */
public final class UsesDockerInternal {

    private UsesDockerInternal() {
    }

    static Object of(Hidden value) {
        return value;
    }
}
