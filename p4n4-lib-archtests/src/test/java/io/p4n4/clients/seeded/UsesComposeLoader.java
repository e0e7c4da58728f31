package io.p4n4.clients.seeded;

import io.p4n4.compose.ComposeLoader;

/** Seeded violation: the service clients using more of compose than its .env reader. */
public final class UsesComposeLoader {

    private UsesComposeLoader() {
    }

    static Object of(ComposeLoader value) {
        return value;
    }
}
