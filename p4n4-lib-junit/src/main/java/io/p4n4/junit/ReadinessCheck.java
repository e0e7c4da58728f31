package io.p4n4.junit;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An extra readiness wait on one service, run after healthchecks and {@code depends_on} conditions are met:
 * a TCP port that accepts connections, an HTTP path that answers a given status, or a log line that
 * matches a regular expression. Ports are container ports; the check reaches them through their published
 * host port. Immutable and thread-safe.
 *
 * <pre>{@code
 * ReadinessCheck.tcp("db", 5432);
 * ReadinessCheck.http("web", 80, "/health", 200);
 * ReadinessCheck.logLine("worker", "started in \\d+ ms");
 * }</pre>
 */
public final class ReadinessCheck {
    /** What a check waits for. */
    public enum Kind {
        /** A TCP connection to the published port succeeds. */
        TCP,
        /** An HTTP GET of a path on the published port answers a given status. */
        HTTP,
        /** A line of the service's log matches a regular expression. */
        LOG_LINE
    }

    private final Kind kind;
    private final String service;
    private final int port;
    private final String path;
    private final int status;
    private final Pattern logPattern;

    private ReadinessCheck(Kind kind, String service, int port, String path, int status, Pattern logPattern) {
        if (Objects.requireNonNull(service, "service").isBlank()) {
            throw new IllegalArgumentException("a readiness check needs a service name");
        }
        if (kind != Kind.LOG_LINE && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("readiness check on service " + service
                    + ": container port out of range 1-65535: " + port);
        }
        this.kind = kind;
        this.service = service;
        this.port = port;
        this.path = path;
        this.status = status;
        this.logPattern = logPattern;
    }

    /** Waits until the published {@code containerPort} of {@code service} accepts a TCP connection. */
    public static ReadinessCheck tcp(String service, int containerPort) {
        return new ReadinessCheck(Kind.TCP, service, containerPort, "", 0, Pattern.compile(""));
    }

    /** Waits until an HTTP GET of {@code path} on the published {@code containerPort} answers {@code status}. */
    public static ReadinessCheck http(String service, int containerPort, String path, int status) {
        if (!Objects.requireNonNull(path, "path").startsWith("/")) {
            throw new IllegalArgumentException("readiness check on service " + service + ": the HTTP path must start"
                    + " with '/': " + path);
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("readiness check on service " + service + ": HTTP status out of"
                    + " range 100-599: " + status);
        }
        return new ReadinessCheck(Kind.HTTP, service, containerPort, path, status, Pattern.compile(""));
    }

    /** Waits until a line of {@code service}'s log contains a match of {@code regex}. */
    public static ReadinessCheck logLine(String service, String regex) {
        return new ReadinessCheck(Kind.LOG_LINE, service, 0, "", 0, Pattern.compile(regex));
    }

    /** What this check waits for. */
    public Kind kind() {
        return kind;
    }

    /** The service checked. */
    public String service() {
        return service;
    }

    /** The container port (TCP and HTTP checks); 0 for log checks. */
    public int port() {
        return port;
    }

    /** The HTTP path; empty for other kinds. */
    public String path() {
        return path;
    }

    /** The expected HTTP status; 0 for other kinds. */
    public int status() {
        return status;
    }

    /** The log line pattern; an empty pattern for other kinds. */
    public Pattern logPattern() {
        return logPattern;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TCP -> "tcp " + service + ":" + port;
            case HTTP -> "http " + service + ":" + port + path + " -> " + status;
            case LOG_LINE -> "log line of " + service + " matching /" + logPattern.pattern() + "/";
        };
    }
}
