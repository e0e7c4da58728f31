package io.p4n4.docker.seeded;

import io.p4n4.compose.ComposeProject;

/** Seeded violation: the Docker backend reaching into the compose module. */
public final class UsesCompose {

    private UsesCompose() {
    }

    static Object of(ComposeProject value) {
        return value;
    }
}
