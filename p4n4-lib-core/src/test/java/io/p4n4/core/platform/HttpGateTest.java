package io.p4n4.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.Cancellation;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Protocol;
import io.p4n4.api.project.HttpProbe;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ServiceStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP readiness gate against a local server answering like Ollama's {@code /api/version}. */
class HttpGateTest {
    private static final StackId AI = StackId.of("ai");
    private static final HttpProbe OLLAMA = new HttpProbe("ollama", 11434, "/api/version");

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int unavailableFirst;
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final Cancellation cancellation = Cancellation.create();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/version", exchange -> {
            boolean ready = requests.incrementAndGet() > unavailableFirst;
            byte[] body = (ready ? "{\"version\":\"0.5.7\"}" : "{\"error\":\"model runner starting\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(ready ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private List<ServiceStatus> ollamaPublishedOn(int hostPort) {
        return List.of(running("ollama/ollama:latest", HealthStatus.HEALTHY,
                new PortBinding(11434, Protocol.TCP, "0.0.0.0", hostPort)));
    }

    private static ServiceStatus running(String image, HealthStatus health, PortBinding port) {
        return ServiceStatus.builder("ollama", ContainerState.RUNNING).container("demo-ai-ollama-1").image(image)
                .health(health).ports(List.of(port)).build();
    }

    private HttpGate gate() {
        return new HttpGate(events::add, cancellation);
    }

    private static long in(Duration d) {
        return System.nanoTime() + d.toNanos();
    }

    @Test
    void waitsThroughUnavailableAnswersUntilTwoHundred() {
        unavailableFirst = 2;

        gate().await(AI, List.of(OLLAMA), ollamaPublishedOn(server.getAddress().getPort()), in(Duration.ofSeconds(10)));

        assertThat(requests).hasValue(3);
        assertThat(events).extracting(e -> e.step() + " " + e.subject()).containsExactly("WAITING ollama",
                "READY ollama");
        assertThat(events.get(0).detail()).isEqualTo("GET http://127.0.0.1:" + server.getAddress().getPort()
                + "/api/version");
    }

    @Test
    void neverReadyIsANetworkErrorNamingTheUrlAndTheLastAnswer() {
        unavailableFirst = Integer.MAX_VALUE;
        int port = server.getAddress().getPort();

        assertThatThrownBy(() -> gate().await(AI, List.of(OLLAMA), ollamaPublishedOn(port), in(Duration.ofMillis(700))))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                    assertThat(e.service()).isEqualTo("ollama");
                    assertThat(e.status()).isEqualTo(503);
                })
                .hasMessageContaining("stack ai is not ready")
                .hasMessageContaining("http://127.0.0.1:" + port + "/api/version")
                .hasMessageContaining("HTTP 503 {\"error\":\"model runner starting\"}");
        assertThat(requests.get()).isGreaterThan(1);
    }

    @Test
    void nothingListeningIsANetworkErrorAfterTheDeadline() {
        int closed = server.getAddress().getPort();
        server.stop(0);

        assertThatThrownBy(() -> gate().await(AI, List.of(OLLAMA), ollamaPublishedOn(closed), in(Duration.ofMillis(300))))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.status()).isZero())
                .hasMessageContaining("ConnectException");
    }

    @Test
    void aPortThatIsNotPublishedIsAUserErrorSayingWhatToAdd() {
        List<ServiceStatus> unpublished = List.of(running("i", HealthStatus.HEALTHY,
                new PortBinding(11434, Protocol.TCP, "", 0)));

        assertThatThrownBy(() -> gate().await(AI, List.of(OLLAMA), unpublished, in(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("port 11434 of service ollama")
                .hasMessageContaining("stacks/ai/docker-compose.yml");
    }

    @Test
    void aServiceThatIsNotRunningIsAnEngineError() {
        assertThatThrownBy(() -> gate().await(AI, List.of(OLLAMA), List.of(), in(Duration.ofSeconds(1))))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE))
                .hasMessageContaining("service ollama, which is not running");
    }

    @Test
    void cancellationStopsTheWait() {
        unavailableFirst = Integer.MAX_VALUE;
        cancellation.cancel();

        assertThatThrownBy(() -> gate().await(AI, List.of(OLLAMA), ollamaPublishedOn(server.getAddress().getPort()),
                in(Duration.ofSeconds(30))))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GENERAL))
                .hasMessageContaining("cancelled");
    }

    @Test
    void specificHostAddressesAreUsedAndIpv6IsBracketed() {
        assertThat(HttpGate.uri(AI, OLLAMA, List.of(running("i", HealthStatus.NONE,
                new PortBinding(11434, Protocol.TCP, "::1", 21434)))))
                .hasToString("http://[::1]:21434/api/version");
        assertThat(HttpGate.uri(AI, OLLAMA, List.of(running("i", HealthStatus.NONE,
                new PortBinding(11434, Protocol.TCP, "192.168.1.5", 11434)))))
                .hasToString("http://192.168.1.5:11434/api/version");
    }
}
