package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerSpecsTest {
    @TempDir
    Path dir;

    private ComposeProject load(String services) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n" + services);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName("demo").environment(Map.of()).build());
    }

    @Test
    void oneReplicaIsFine() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    deploy:\n      replicas: 1\n");

        ContainerSpec spec = ContainerSpecs.of(p, p.service("app"));

        assertThat(spec.findName()).contains("demo-app-1");
    }

    @Test
    void eachReplicaHasItsOwnNameNumberAnonymousVolumeAndRangePort() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    deploy:\n      replicas: 3\n"
                + "    volumes: [\"/cache\"]\n    ports: [\"8000-8002:80\", \"9090\"]\n");

        ContainerSpec first = ContainerSpecs.of(p, p.service("app"), 1);
        ContainerSpec third = ContainerSpecs.of(p, p.service("app"), 3);

        assertThat(ContainerSpecs.replicas(p.service("app"))).isEqualTo(3);
        assertThat(third.findName()).contains("demo-app-3");
        assertThat(third.labels()).containsEntry(ComposeLabels.CONTAINER_NUMBER, "3")
                .containsEntry(ComposeLabels.CONFIG_HASH, p.service("app").configHash());
        assertThat(first.mounts().get(0).source()).isNotEqualTo(third.mounts().get(0).source());
        assertThat(first.ports()).extracting(PortBinding::hostPort).containsExactly(8000, 0);
        assertThat(third.ports()).extracting(PortBinding::hostPort).containsExactly(8002, 0);
    }

    @Test
    void aSingleHostPortCannotServeSeveralReplicas() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    scale: 2\n    ports: [\"8080:80\"]\n");

        assertThatThrownBy(() -> ContainerSpecs.of(p, p.service("app"), 1))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app runs 2 replicas").hasMessageContaining("8080")
                .hasMessageContaining("8080-8081");
    }

    @Test
    void containerNameAndSeveralReplicasAreRefusedNamingTheService() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    container_name: solo\n    deploy:\n      replicas: 2\n");

        assertThatThrownBy(() -> ContainerSpecs.of(p, p.service("app"), 1))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app").hasMessageContaining("2 replicas")
                .hasMessageContaining("container_name: solo");
    }

    @Test
    void scaleMayBeZeroAndComesBeforeDeployReplicas() throws IOException {
        ComposeProject p = load("  off:\n    image: busybox\n    scale: 0\n"
                + "  both:\n    image: busybox\n    scale: 2\n    deploy:\n      replicas: 2\n");

        assertThat(ContainerSpecs.replicas(p.service("off"))).isZero();
        assertThat(ContainerSpecs.replicas(p.service("both"))).isEqualTo(2);
    }

    @Test
    void aScaleThatIsNotAWholeNumberIsAUserErrorNamingTheKey() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    deploy:\n      replicas: \"many\"\n");

        assertThatThrownBy(() -> ContainerSpecs.replicas(p.service("app")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app: deploy.replicas is 'many'");
    }

    @Test
    void unsupportedBuildKeysAreUserErrorsNamingServiceAndKey() throws IOException {
        Files.createDirectories(dir.resolve("app"));
        ComposeProject p = load("  app:\n    build:\n      context: ./app\n"
                + "      dockerfile_inline: |\n        FROM busybox\n");

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("app")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app of project demo uses a compose key p4n4 cannot apply: build.dockerfile_inline")
                .hasMessageContaining("give the service its image:");
    }

    @Test
    void unsupportedVolumeTypesAreUserErrorsNamingServiceAndTarget() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    volumes:\n      - type: npipe\n"
                + "        source: \\\\.\\pipe\\docker_engine\n        target: /pipe\n");

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("app")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app: volume type npipe on /pipe is not supported");
    }

    @Test
    void aPortRangeTooSmallForTheReplicasIsAUserError() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    scale: 3\n    ports: [\"8000-8001:80\"]\n");

        assertThatThrownBy(() -> ContainerSpecs.requireSupported(p, p.service("app")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("runs 3 replicas").hasMessageContaining("8000-8001, which has 2 host port(s)");
    }

    @Test
    void networkModeReplacesNetworksAndPorts() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    network_mode: host\n    ports: [\"8080:80\"]\n");

        ContainerSpec spec = ContainerSpecs.of(p, p.service("app"));

        assertThat(spec.findNetworkMode()).contains("host");
        assertThat(spec.networks()).isEmpty();
        assertThat(spec.ports()).as("compose discards them too").isEmpty();
    }

    @Test
    void networkModeOfAnotherServiceNamesItsContainer() throws IOException {
        ComposeProject p = load("  db:\n    image: busybox\n  app:\n    image: busybox\n    network_mode: service:db\n");

        assertThat(ContainerSpecs.of(p, p.service("app")).findNetworkMode()).contains("container:demo-db-1");
        assertThat(p.service("app").dependsOn()).as("compose adds the dependency").containsKey("db");
    }

    @Test
    void anUnknownNetworkModeIsAUserErrorListingTheChoices() throws IOException {
        ComposeProject p = load("  app:\n    image: busybox\n    network_mode: macvlan0\n");

        assertThatThrownBy(() -> ContainerSpecs.of(p, p.service("app")))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("network_mode: macvlan0").hasMessageContaining("service:NAME");
    }
}
