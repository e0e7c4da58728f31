package com.example.clientsonly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import io.p4n4.api.clients.RetryPolicy;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.clients.ClientFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builds an Ollama client with nothing but p4n4-lib-clients and calls a port where nothing listens. */
class OllamaClientTest {

    @Test
    void aCallToAClosedPortFailsWithTheNetworkCodeAndNamesTheService() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        try (ClientFactory clients = ClientFactory.create()) {
            OllamaClient ollama = clients.ollama().baseUrl("http://127.0.0.1:" + closedPort)
                    .connectTimeout(Duration.ofSeconds(2)).retryPolicy(RetryPolicy.none()).build();

            assertThatThrownBy(ollama::models).isInstanceOfSatisfying(ServiceException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.NETWORK);
                assertThat(e.service()).isEqualTo("ollama");
                assertThat(e.status()).isZero();
            });
        }
    }
}
