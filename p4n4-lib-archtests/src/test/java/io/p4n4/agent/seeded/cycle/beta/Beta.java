package io.p4n4.agent.seeded.cycle.beta;

import io.p4n4.agent.seeded.cycle.alpha.Alpha;

/** Seeded violation: the other half of a two-package cycle (beta -> alpha -> beta). */
public final class Beta {

    private Beta() {
    }

    static Object of(Alpha value) {
        return value;
    }
}
