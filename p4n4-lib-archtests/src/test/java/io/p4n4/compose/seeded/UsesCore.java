package io.p4n4.compose.seeded;

import io.p4n4.core.P4n4;

/** Seeded violation: compose reaching up into core. */
public final class UsesCore {

    private UsesCore() {
    }

    static Object of(P4n4 value) {
        return value;
    }
}
