package io.p4n4.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DockerEngineProviderTest {

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(ContainerEngineProvider.class).stream()
                .map(p -> p.get().id()).collect(Collectors.toList())).contains("docker");
    }

    @Test
    void probeOfAMissingSocketSaysSoWithoutThrowing() {
        Availability a = new DockerEngineProvider().probe(EngineConfig.parse("/tmp/p4n4-no-such-dir/docker.sock"));
        assertThat(a.available()).isFalse();
        assertThat(a.detail()).contains("/tmp/p4n4-no-such-dir/docker.sock");
    }

    @Test
    void probeOfAnUnansweringTcpEndpointExplainsHowToFixIt() {
        // port 9 (discard) is closed on loopback here: the connection is refused at once
        Availability a = new DockerEngineProvider().probe(EngineConfig.of(URI.create("tcp://127.0.0.1:9")));
        assertThat(a.available()).isFalse();
        assertThat(a.detail()).contains("unreachable").contains("DOCKER_HOST");
    }

    @Test
    void defaultEndpointsIncludeTheRootlessSocket() {
        assertThat(new DockerEngineProvider().defaultEndpoints(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")))
                .containsExactly(URI.create("unix:///var/run/docker.sock"), URI.create("unix:///run/user/1000/docker.sock"));
        assertThat(new DockerEngineProvider().endpointVariable()).contains("DOCKER_HOST");
    }
}
