package io.p4n4.clients.internal.http;

/** Redacts user info and query from a URL string that may not even parse. */
final class HttpUrlText {
    private HttpUrlText() {
    }

    static String redact(String url) {
        String s = url;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int scheme = s.indexOf("://");
        int at = s.indexOf('@', Math.max(scheme, 0));
        if (at >= 0) {
            s = (scheme >= 0 ? s.substring(0, scheme + 3) : "") + "***@" + s.substring(at + 1);
        }
        return s;
    }
}
