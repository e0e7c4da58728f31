package io.p4n4.agent.seeded.fold;

import io.p4n4.agent.seeded.fold.internal.Engine;

/** Allowed counterpart: a package and its own internal package that use each other (one slice). */
public final class Facade {

    private Facade() {
    }

    static Object of(Engine value) {
        return value;
    }
}
