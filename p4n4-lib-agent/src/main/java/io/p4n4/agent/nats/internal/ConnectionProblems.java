package io.p4n4.agent.nats.internal;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the server last refused, as jnats reports it asynchronously: the connection (authentication or
 * TLS) or an operation (a permissions violation). Failed requests only time out when the server drops a
 * denied publish, so the store looks here to say why. The texts are the server's and jnats' (subjects,
 * "Authorization Violation", TLS errors), which hold no secret. Thread-safe.
 */
public final class ConnectionProblems {

    private static final int KEPT = 32;

    private volatile @Nullable String connectRefusal;
    private final java.util.Deque<Violation> violations = new java.util.ArrayDeque<>();

    private record Violation(String text, long at) {
    }

    /** Notes an error text the server sent ({@code -ERR}). */
    public void onServerError(String error) {
        String text = error.replace("'", "").trim();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("permissions violation")) {
            synchronized (violations) {
                violations.addFirst(new Violation(text, System.nanoTime()));
                if (violations.size() > KEPT) {
                    violations.removeLast();
                }
            }
        } else if (lower.contains("authorization violation") || lower.startsWith("user authentication")
                || lower.contains("authentication expired") || lower.contains("tls required")) {
            connectRefusal = text;
        }
    }

    /** Notes an exception of the connection: TLS handshake and authentication failures refuse the connection. */
    public void onException(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException
                    || t instanceof io.nats.client.AuthenticationException) {
                connectRefusal = t.getClass().getSimpleName() + ": " + t.getMessage();
                return;
            }
        }
    }

    /** Forgets the connection's refusal once it is connected. */
    public void onConnected() {
        connectRefusal = null;
    }

    /** Returns why the server last refused the connection, if it did since the last successful one. */
    public Optional<String> connectRefusal() {
        return Optional.ofNullable(connectRefusal);
    }

    /**
     * Returns the latest permissions violation within {@code withinNanos} that concerns an operation: its subject
     * contains {@code mentions} (a key, {@code <device>.>}, a stream name), or it refused a subscription (the
     * client's inbox, which every request needs). Matching the subject keeps one operation's refusal from being
     * reported as another's.
     */
    public Optional<String> recentPermissionViolation(long withinNanos, String mentions) {
        long now = System.nanoTime();
        synchronized (violations) {
            for (Violation v : violations) {
                if (now - v.at() > withinNanos) {
                    break;
                }
                if (v.text().contains(mentions) || v.text().toLowerCase(Locale.ROOT).contains("for subscription")) {
                    return Optional.of(v.text());
                }
            }
        }
        return Optional.empty();
    }
}
