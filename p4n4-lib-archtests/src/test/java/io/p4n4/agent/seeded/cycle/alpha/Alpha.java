package io.p4n4.agent.seeded.cycle.alpha;

import io.p4n4.agent.seeded.cycle.beta.Beta;

/** Seeded violation: one half of a two-package cycle (alpha -> beta -> alpha). */
public final class Alpha {

    private Alpha() {
    }

    static Object of(Beta value) {
        return value;
    }
}
