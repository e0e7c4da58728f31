package io.p4n4.docker.seeded;

import io.p4n4.docker.internal.seeded.Hidden;

/** Allowed counterpart: the Docker module using its own internal class. */
public final class UsesOwnInternal {

    private UsesOwnInternal() {
    }

    static Object of(Hidden value) {
        return value;
    }
}
