package io.p4n4.core.platform;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.project.HttpProbe;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ProgressEvent.Step;
import io.p4n4.compose.exec.ProgressListener;
import io.p4n4.compose.exec.ServiceStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP part of a stack's readiness gate: polls each {@link HttpProbe} on the host port the engine
 * published until it answers 2xx, backing off from 100 ms to 1 s, until a deadline or cancellation. Uses
 * the JDK's HTTP client (core has no HTTP library). Thread-safe.
 */
final class HttpGate {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 1000;
    private static final int BODY_EXCERPT = 200;

    // built on first use: building the JDK's client sets up its default TLS context, which reads the CA
    // trust store, and most stacks (and every up with nothing to wait for) have no HTTP probe
    private @Nullable HttpClient http;
    private final ProgressListener progress;
    private final Cancellation cancellation;

    HttpGate(ProgressListener progress, Cancellation cancellation) {
        this.progress = progress;
        this.cancellation = cancellation;
    }

    private synchronized HttpClient http() {
        HttpClient h = http;
        if (h == null) {
            h = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            http = h;
        }
        return h;
    }

    /** Waits until every probe of {@code stack} answers 2xx; {@code running} is the stack's {@code ps}. */
    void await(StackId stack, List<HttpProbe> probes, List<ServiceStatus> running, long deadlineNanos) {
        for (HttpProbe probe : probes) {
            await(stack, probe, uri(stack, probe, running), deadlineNanos);
        }
    }

    /** Where the probe's port is published on this host. */
    static URI uri(StackId stack, HttpProbe probe, List<ServiceStatus> running) {
        ServiceStatus service = running.stream().filter(s -> s.service().equals(probe.service())).findFirst()
                .orElseThrow(() -> new P4n4Exception(ErrorCode.ENGINE, "stack " + stack.value() + " is not ready:"
                        + " its readiness gate probes service " + probe.service() + ", which is not running;"
                        + " see p4n4 status and p4n4 logs " + stack.value()));
        PortBinding port = service.ports().stream().filter(p -> p.containerPort() == probe.containerPort()
                && p.hostPort() > 0).findFirst()
                .orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "stack " + stack.value() + ": the readiness"
                        + " gate needs port " + probe.containerPort() + " of service " + probe.service()
                        + " published on the host; add ports: [\"" + probe.containerPort() + ":"
                        + probe.containerPort() + "\"] to the service in stacks/" + stack.value()
                        + "/docker-compose.yml"));
        String host = port.hostIp().isEmpty() || port.hostIp().equals("0.0.0.0") || port.hostIp().equals("::")
                ? "127.0.0.1" : port.hostIp().contains(":") ? "[" + port.hostIp() + "]" : port.hostIp();
        return URI.create("http://" + host + ":" + port.hostPort() + probe.path());
    }

    private void await(StackId stack, HttpProbe probe, URI uri, long deadlineNanos) {
        progress.onProgress(ProgressEvent.of(Step.WAITING, probe.service(), "GET " + uri));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        long backoff = FIRST_BACKOFF_MS;
        int lastStatus = 0;
        String last = "no answer yet";
        IOException lastError = null;
        while (true) {
            checkCancelled(stack);
            try {
                HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
                lastStatus = response.statusCode();
                if (lastStatus / 100 == 2) {
                    progress.onProgress(ProgressEvent.of(Step.READY, probe.service(), "GET " + uri + " " + lastStatus));
                    return;
                }
                last = "HTTP " + lastStatus + " " + excerpt(response.body());
                lastError = null;
            } catch (IOException e) {
                lastError = e;
                last = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new P4n4Exception(ErrorCode.GENERAL, "interrupted while waiting for " + uri, e);
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw new ServiceException(ErrorCode.NETWORK, probe.service(), "GET", probe.path(), lastStatus,
                        lastStatus == 0 ? null : last, "stack " + stack.value() + " is not ready: " + probe.service()
                        + " did not answer GET " + uri + " with 2xx in time; last: " + last
                        + "; see p4n4 logs " + stack.value() + " or raise --timeout", lastError);
            }
            sleep(Math.min(backoff, left / 1_000_000 + 1));
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new P4n4Exception(ErrorCode.GENERAL, "interrupted while waiting for a readiness probe", e);
        }
    }

    private void checkCancelled(StackId stack) {
        if (cancellation.isCancelled()) {
            throw new P4n4Exception(ErrorCode.GENERAL, "up of stack " + stack.value() + " was cancelled");
        }
    }

    private static String excerpt(String body) {
        String s = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return s.length() > BODY_EXCERPT ? s.substring(0, BODY_EXCERPT) + "..." : s;
    }
}
