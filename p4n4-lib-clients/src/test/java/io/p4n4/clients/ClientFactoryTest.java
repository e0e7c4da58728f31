package io.p4n4.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.edgeimpulse.EdgeImpulseClient;
import io.p4n4.api.clients.ollama.OllamaClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(20)
class ClientFactoryTest {

    @TempDir
    Path dir;

    @Test
    void clientsOfOneFactoryShareOneConnectionPool() throws Exception {
        try (MockWebServer server = new MockWebServer(); ClientFactory clients = ClientFactory.create()) {
            server.start();
            String url = server.url("/").toString();
            for (int i = 0; i < 4; i++) {
                server.enqueue(new MockResponse().setBody("{\"version\":\"0.5.1\"}"));
            }
            OllamaClient a = clients.ollama().baseUrl(url).build();
            OllamaClient b = clients.ollama().baseUrl(url).readTimeout(Duration.ofSeconds(3)).build();
            a.version();
            b.version();
            a.version();
            b.version();
            assertThat(clients.connectionCount()).as("one keep-alive connection reused by both clients").isEqualTo(1);
            assertThat(clients.idleConnectionCount()).isEqualTo(1);
            assertThat(server.takeRequest().getSequenceNumber()).isZero();
        }
    }

    @Test
    void fromProjectTakesUrlsFromTheEnv() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            Files.writeString(dir.resolve(".p4n4.json"), "{}");
            Files.writeString(dir.resolve(".env"), "P4N4_EI_URL=" + server.url("/") + "\n");
            server.enqueue(new MockResponse().setBody("{\"project\":{\"name\":\"demo\"},\"modelParameters\":{}}"));
            try (ClientFactory clients = ClientFactory.fromProject(dir)) {
                EdgeImpulseClient ei = clients.edgeImpulse().build();
                assertThat(ei.info().projectName()).isEqualTo("demo");
            }
        }
    }

    @Test
    void unreachableServiceIsNetworkErrorNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ClientFactory clients = ClientFactory.of(ProjectEndpointConfig.of(Map.of("P4N4_HOST", "127.0.0.1")))) {
            OllamaClient ollama = clients.ollama().baseUrl("http://127.0.0.1:" + port)
                    .retryPolicy(RetryPolicy.none()).build();
            assertThatThrownBy(ollama::models).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                assertThat(e.getMessage()).contains("http://127.0.0.1:" + port + "/api/tags");
            });
        }
    }

    @Test
    void closedFactoryRefusesToBuildAndCloseIsIdempotent() {
        ClientFactory clients = ClientFactory.create();
        clients.close();
        clients.close();
        assertThatThrownBy(() -> clients.ollama().build()).isInstanceOfSatisfying(P4n4Exception.class,
                e -> assertThat(e.getMessage()).contains("closed"));
    }
}
