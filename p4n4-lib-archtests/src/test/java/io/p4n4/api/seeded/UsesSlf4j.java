package io.p4n4.api.seeded;

import org.slf4j.Logger;

/** Seeded violation: an API class that needs a logging library. */
public final class UsesSlf4j {

    private UsesSlf4j() {
    }

    static Object of(Logger value) {
        return value;
    }
}
