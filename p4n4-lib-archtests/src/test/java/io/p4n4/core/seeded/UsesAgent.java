package io.p4n4.core.seeded;

import io.p4n4.agent.DeviceAgent;

/** Seeded violation: core reaching into the device agent. */
public final class UsesAgent {

    private UsesAgent() {
    }

    static Object of(DeviceAgent value) {
        return value;
    }
}
