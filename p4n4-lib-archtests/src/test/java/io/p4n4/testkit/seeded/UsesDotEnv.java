package io.p4n4.testkit.seeded;

import io.p4n4.compose.env.DotEnv;

/** Seeded violation: the testkit using the compose module. */
public final class UsesDotEnv {

    private UsesDotEnv() {
    }

    static Object of(DotEnv value) {
        return value;
    }
}
