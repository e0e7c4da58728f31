package io.p4n4.agent.seeded.fold.internal;

import io.p4n4.agent.seeded.fold.Facade;

/** Allowed counterpart: the internal half of {@link io.p4n4.agent.seeded.fold.Facade}'s pair. */
public final class Engine {

    private Engine() {
    }

    static Object of(Facade value) {
        return value;
    }
}
