package io.p4n4.junit.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.junit.ComposeEnvironment;
import io.p4n4.junit.ReadinessCheck;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs {@link ReadinessCheck}s one after the other until each passes, polling every 100 ms, all within one
 * deadline. Stateless.
 */
public final class ExtraWaits {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

    private ExtraWaits() {
    }

    /**
     * Waits for every check; ENGINE error naming the check and its last failure when the deadline passes first.
     */
    public static void await(ComposeEnvironment env, List<ReadinessCheck> checks, Instant deadline) {
        if (checks.isEmpty()) {
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT).build();
        for (ReadinessCheck check : checks) {
            env.project().service(check.service()); // USER error naming the known services
            String last = "not tried";
            while (true) {
                last = attempt(env, http, check);
                if (last.isEmpty()) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new P4n4Exception(ErrorCode.ENGINE, "readiness check " + check + " of project "
                            + env.projectName() + " did not pass before the timeout (last: " + last
                            + "); raise waitTimeoutSeconds or fix the check");
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new P4n4Exception(ErrorCode.GENERAL, "interrupted waiting for " + check, e);
                }
            }
        }
    }

    /** One attempt: empty when the check passed, else why not. */
    private static String attempt(ComposeEnvironment env, HttpClient http, ReadinessCheck check) {
        return switch (check.kind()) {
            case TCP -> tcp(env.host(check.service(), check.port()), env.port(check.service(), check.port()));
            case HTTP -> http(http, env.host(check.service(), check.port()), env.port(check.service(), check.port()),
                    check);
            case LOG_LINE -> env.logs(check.service()).lines().anyMatch(l -> check.logPattern().matcher(l).find())
                    ? "" : "no matching line yet";
        };
    }

    private static String tcp(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) ATTEMPT_TIMEOUT.toMillis());
            return "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String http(HttpClient http, String host, int port, ReadinessCheck check) {
        URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + check.path());
        try {
            int status = http.send(HttpRequest.newBuilder(uri).timeout(ATTEMPT_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == check.status() ? "" : "status " + status;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
