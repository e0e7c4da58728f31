package io.p4n4.junit.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.clients.edgeimpulse.EdgeImpulseClient;
import io.p4n4.api.clients.influx.InfluxClient;
import io.p4n4.api.clients.letta.LettaClient;
import io.p4n4.api.clients.ollama.OllamaClient;
import io.p4n4.junit.ComposeEnvironment;
import org.junit.jupiter.api.Test;

/** What the stack classes of {@link P4n4StackTest} check: injected clients reach the stand-in services. */
final class StackSamples {
    private StackSamples() {
    }

    abstract static class Iot {
        @Test
        void influxClientHasTheStacksTokenAndReachesInflux(InfluxClient influx, ComposeEnvironment env) {
            assertThat(influx.health().status()).isEqualTo("pass");
            assertThat(env.projectName()).startsWith("docker-compose-yml-");
            assertThat(env.port("influxdb", 8086)).isNotEqualTo(8086); // a free port, not the file's fixed one
        }
    }

    abstract static class Ai {
        @Test
        void ollamaAndLettaClientsReachTheirServices(OllamaClient ollama, LettaClient letta) {
            assertThat(ollama.version()).isEqualTo("0.5.7");
            assertThat(letta.health().status()).isEqualTo("ok");
        }
    }

    abstract static class Edge {
        @Test
        void edgeImpulseClientReachesTheRunner(EdgeImpulseClient runner) {
            // the stand-in runner answers /health only; the client falls back to it after /api/info
            assertThat(runner.info().status()).isEqualTo("ok");
        }
    }
}
