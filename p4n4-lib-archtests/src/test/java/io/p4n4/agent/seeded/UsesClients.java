package io.p4n4.agent.seeded;

import io.p4n4.clients.ServiceClients;

/** Seeded violation: the agent reaching into the service clients. */
public final class UsesClients {

    private UsesClients() {
    }

    static Object of(ServiceClients value) {
        return value;
    }
}
