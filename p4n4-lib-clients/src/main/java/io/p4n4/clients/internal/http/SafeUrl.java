package io.p4n4.clients.internal.http;

import okhttp3.HttpUrl;

/** Renders URLs for messages and logs: scheme, host, port and path only (no user info, no query). */
public final class SafeUrl {
    private SafeUrl() {
    }

    /** Returns {@code scheme://host:port/path} of {@code url}. */
    public static String of(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + ":" + url.port() + url.encodedPath();
    }
}
