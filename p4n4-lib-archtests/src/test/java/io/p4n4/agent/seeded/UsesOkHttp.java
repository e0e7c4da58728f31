package io.p4n4.agent.seeded;

import okhttp3.OkHttpClient;

/** Seeded violation: the agent naming an OkHttp class. */
public final class UsesOkHttp {

    private UsesOkHttp() {
    }

    static Object of(OkHttpClient value) {
        return value;
    }
}
