package io.p4n4.maven.stack.seeded;

import io.p4n4.compose.exec.ComposeExecutor;

/** Allowed counterpart: the neutral core runs stacks through compose. */
public final class UsesComposeExecutor {

    private UsesComposeExecutor() {
    }

    static Object of(ComposeExecutor value) {
        return value;
    }
}
