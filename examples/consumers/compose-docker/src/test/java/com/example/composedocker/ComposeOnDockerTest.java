package com.example.composedocker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.engine.EngineCandidate;
import io.p4n4.compose.engine.EngineDiscovery;
import io.p4n4.compose.engine.EngineDiscoveryException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads a compose file and finds the Docker backend with nothing but p4n4-lib-compose and p4n4-lib-docker. */
class ComposeOnDockerTest {

    @Test
    void loadsAComposeFileWithItsVariablesInterpolated(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("compose.yaml"), """
                name: shop
                services:
                  web:
                    image: "nginx:${TAG:-latest}"
                    depends_on: [db]
                  db:
                    image: postgres:16
                """);

        ComposeProject project = ComposeLoader.load(LoadOptions.builder().file(file)
                .environment(Map.of("TAG", "1.27")).defaultEnvFile(false).build());

        assertThat(project.name()).isEqualTo("shop");
        assertThat(project.service("web").image()).contains("nginx:1.27");
        assertThat(project.servicesInDependencyOrder()).extracting(s -> s.name()).containsExactly("db", "web");
    }

    @Test
    void discoveryFindsTheDockerBackendOnTheClassPath() {
        EngineDiscovery discovery = EngineDiscovery.builder().environment(Map.of()).build();

        assertThat(discovery.candidates()).extracting(c -> c.provider().id()).containsOnly("docker");
        assertThat(discovery.candidates()).extracting(EngineCandidate::endpoint)
                .contains(URI.create("unix:///var/run/docker.sock"));
    }

    @Test
    void discoveryProbesTheEndpointThroughDockerAndSaysWhyItFailed(@TempDir Path dir) {
        String endpoint = "unix://" + dir.resolve("no-such-docker.sock");
        EngineDiscovery discovery = EngineDiscovery.builder().environment(Map.of()).endpoint(endpoint).build();

        assertThatThrownBy(discovery::connect).isInstanceOfSatisfying(EngineDiscoveryException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
            assertThat(e.reports()).singleElement().satisfies(r -> {
                assertThat(r.candidate().provider().id()).isEqualTo("docker");
                assertThat(r.candidate().endpoint()).isEqualTo(URI.create(endpoint));
                assertThat(r.available()).isFalse();
            });
        });
    }
}
