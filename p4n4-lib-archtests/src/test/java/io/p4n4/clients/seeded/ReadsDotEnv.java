package io.p4n4.clients.seeded;

import io.p4n4.compose.env.DotEnv;

/** Allowed counterpart: the service clients may read {@code .env} with compose's DotEnv. */
public final class ReadsDotEnv {

    private ReadsDotEnv() {
    }

    static Object of(DotEnv value) {
        return value;
    }
}
