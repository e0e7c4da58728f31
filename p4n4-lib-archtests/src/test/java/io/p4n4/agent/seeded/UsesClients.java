package io.p4n4.agent.seeded;

import io.p4n4.clients.ClientFactory;

/** Seeded violation: the agent reaching into the service clients. */
public final class UsesClients {

    private UsesClients() {
    }

    static Object of(ClientFactory value) {
        return value;
    }
}
