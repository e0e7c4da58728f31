package io.p4n4.compose.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineDiscoveryTest {

    @TempDir
    Path dir;

    private ServerSocketChannel dockerSocket;
    private URI dockerUp;
    private URI podmanUp;
    private ServerSocketChannel podmanSocket;
    private URI absent;

    @BeforeEach
    void listen() throws IOException {
        dockerSocket = listenOn(dir.resolve("docker.sock"));
        podmanSocket = listenOn(dir.resolve("podman.sock"));
        dockerUp = URI.create("unix://" + dir.resolve("docker.sock"));
        podmanUp = URI.create("unix://" + dir.resolve("podman.sock"));
        absent = URI.create("unix://" + dir.resolve("absent.sock"));
    }

    @AfterEach
    void close() throws IOException {
        dockerSocket.close();
        podmanSocket.close();
    }

    private static ServerSocketChannel listenOn(Path socket) throws IOException {
        ServerSocketChannel s = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
        s.bind(UnixDomainSocketAddress.of(socket));
        return s;
    }

    private SocketProbingProvider docker(URI... defaults) {
        return new SocketProbingProvider("docker", 100, "DOCKER_HOST", List.of(defaults));
    }

    private SocketProbingProvider podman(URI... defaults) {
        return new SocketProbingProvider("podman", 50, "CONTAINER_HOST", List.of(defaults));
    }

    private EngineDiscovery.Builder discovery(Map<String, String> env) {
        return EngineDiscovery.builder().serviceLoader(false).environment(env);
    }

    private static List<String> described(EngineDiscovery d) {
        return d.candidates().stream().map(EngineCandidate::describe).collect(Collectors.toList());
    }

    @Test
    void explicitEngineComesFirstEvenWhenVariablesAreSet() {
        ContainerEngine mine = SocketProbingProvider.engine("docker", URI.create("unix:///mine.sock"), true);
        EngineDiscovery d = discovery(Map.of("DOCKER_HOST", dockerUp.toString()))
                .engine(mine).provider(docker(dockerUp)).build();

        assertThat(d.connect()).isSameAs(mine);
    }

    @Test
    void explicitEngineThatDoesNotAnswerIsSkippedAndReported() {
        ContainerEngine dead = SocketProbingProvider.engine("docker", URI.create("unix:///dead.sock"), false);
        EngineDiscovery d = discovery(Map.of()).engine(dead).provider(podman(podmanUp)).build();

        ContainerEngine found = d.connect();
        assertThat(found.id()).isEqualTo("podman");
        assertThat(d.probeAll()).extracting(ProbeReport::describe)
                .anySatisfy(r -> assertThat(r).startsWith("docker at unix:///dead.sock (explicit)")
                        .contains("does not answer"));
    }

    @Test
    void p4n4EngineRestrictsToThatProviderAndItsVariableFirst() {
        EngineDiscovery d = discovery(Map.of("P4N4_ENGINE", "podman", "DOCKER_HOST", dockerUp.toString(),
                "CONTAINER_HOST", podmanUp.toString()))
                .provider(docker(absent)).provider(podman(absent)).build();

        assertThat(described(d)).containsExactly(
                "podman at " + podmanUp + " (CONTAINER_HOST)",
                "podman at " + absent + " (P4N4_ENGINE default)",
                "podman at " + dockerUp + " (DOCKER_HOST)");
        assertThat(d.connect().endpoint()).isEqualTo(podmanUp);
    }

    @Test
    void aNamedEngineTriesItsUsualSocketsBeforeAnotherEnginesVariable() {
        EngineDiscovery d = discovery(Map.of("DOCKER_HOST", dockerUp.toString()))
                .provider(docker(absent)).provider(podman(podmanUp)).engineId("podman").build();

        assertThat(described(d)).containsExactly(
                "podman at " + podmanUp + " (P4N4_ENGINE default)",
                "podman at " + dockerUp + " (DOCKER_HOST)");
        assertThat(d.connect().endpoint()).isEqualTo(podmanUp);
    }

    @Test
    void unknownP4n4EngineIsAUserErrorListingKnownEngines() {
        EngineDiscovery d = discovery(Map.of("P4N4_ENGINE", "rkt")).provider(docker()).provider(podman()).build();

        assertThatThrownBy(d::connect)
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("P4N4_ENGINE=rkt").hasMessageContaining("[docker, podman]");
    }

    @Test
    void engineIdWinsOverP4n4EngineWithoutEditingTheEnvironment() {
        EngineDiscovery d = discovery(Map.of("P4N4_ENGINE", "docker", "CONTAINER_HOST", podmanUp.toString()))
                .provider(docker(dockerUp)).provider(podman(absent)).engineId("podman").build();

        assertThat(described(d)).containsExactly("podman at " + podmanUp + " (CONTAINER_HOST)",
                "podman at " + absent + " (P4N4_ENGINE default)");
        assertThat(d.connect().id()).isEqualTo("podman");
    }

    @Test
    void anUnknownEngineIdIsAUserErrorNamingIt() {
        EngineDiscovery d = discovery(Map.of()).provider(docker()).engineId("rkt").build();

        assertThatThrownBy(d::connect)
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("engine id 'rkt'").hasMessageContaining("[docker]");
    }

    @Test
    void anEndpointIsTheOnlyPlaceTriedForEveryProviderOrTheChosenOne() {
        Map<String, String> env = Map.of("DOCKER_HOST", dockerUp.toString(), "CONTAINER_HOST", podmanUp.toString());

        EngineDiscovery any = discovery(env).provider(docker(dockerUp)).provider(podman(podmanUp))
                .endpoint(absent.toString()).build();
        assertThat(described(any)).containsExactly("docker at " + absent + " (endpoint)",
                "podman at " + absent + " (endpoint)");
        assertThatThrownBy(any::connect).isInstanceOf(EngineDiscoveryException.class)
                .hasMessageContaining("docker at " + absent + " (endpoint)");

        EngineDiscovery chosen = discovery(env).provider(docker(dockerUp)).provider(podman(podmanUp))
                .engineId("podman").endpoint(podmanUp.toString()).build();
        assertThat(described(chosen)).containsExactly("podman at " + podmanUp + " (endpoint)");
        assertThat(chosen.connect().endpoint()).isEqualTo(podmanUp);
    }

    @Test
    void dockerHostIsTriedWithTheOwningProviderFirstThenDefaultsByPriority() {
        EngineDiscovery d = discovery(Map.of("DOCKER_HOST", podmanUp.toString()))
                .provider(podman(absent)).provider(docker(dockerUp)).build();

        assertThat(described(d)).containsExactly(
                "docker at " + podmanUp + " (DOCKER_HOST)",
                "podman at " + podmanUp + " (DOCKER_HOST)",
                "docker at " + dockerUp + " (default)",
                "podman at " + absent + " (default)");
    }

    @Test
    void containerHostComesAfterDockerHost() {
        EngineDiscovery d = discovery(Map.of("DOCKER_HOST", absent.toString(), "CONTAINER_HOST", podmanUp.toString()))
                .provider(podman()).provider(docker()).build();

        assertThat(described(d)).containsExactly(
                "docker at " + absent + " (DOCKER_HOST)",
                "podman at " + absent + " (DOCKER_HOST)",
                "podman at " + podmanUp + " (CONTAINER_HOST)",
                "docker at " + podmanUp + " (CONTAINER_HOST)");
        ContainerEngine e = d.connect();
        assertThat(e.id()).isEqualTo("podman"); // the owner of CONTAINER_HOST is tried first there
        assertThat(e.endpoint()).isEqualTo(podmanUp);
    }

    @Test
    void withoutConfigurationTheHighestPriorityThatAnswersWins() {
        EngineDiscovery d = discovery(Map.of()).provider(podman(podmanUp)).provider(docker(absent)).build();

        ContainerEngine e = d.connect();
        assertThat(e.id()).isEqualTo("podman");
        assertThat(described(d)).containsExactly("docker at " + absent + " (default)",
                "podman at " + podmanUp + " (default)");
    }

    @Test
    void sameProviderAndEndpointIsTriedOnce() {
        EngineDiscovery d = discovery(Map.of("DOCKER_HOST", dockerUp.toString())).provider(docker(dockerUp)).build();

        assertThat(described(d)).containsExactly("docker at " + dockerUp + " (DOCKER_HOST)");
    }

    @Test
    void whenNothingAnswersOneExceptionListsEveryCandidateAndWhy() throws IOException {
        dockerSocket.close();
        Files.delete(dir.resolve("docker.sock"));
        EngineDiscovery d = discovery(Map.of("CONTAINER_HOST", absent.toString()))
                .provider(docker(dockerUp)).build();

        assertThatThrownBy(d::connect)
                .isInstanceOfSatisfying(EngineDiscoveryException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.reports()).hasSize(2).noneMatch(ProbeReport::available);
                })
                .hasMessageContaining("no container engine answered")
                .hasMessageContaining("docker at " + absent + " (CONTAINER_HOST): no socket at " + absent.getPath())
                .hasMessageContaining("docker at " + dockerUp + " (default): no socket at " + dockerUp.getPath())
                .hasMessageContaining("scripts/engines.sh start");
    }

    @Test
    void aProbeThatThrowsIsReportedNotPropagated() {
        SocketProbingProvider broken = new SocketProbingProvider("broken", 200, null, List.of(absent)) {
            @Override
            public Availability probe(EngineConfig config) {
                throw new IllegalStateException("probe exploded");
            }
        };
        EngineDiscovery d = discovery(Map.of()).provider(broken).provider(docker(dockerUp)).build();

        assertThat(d.connect().id()).isEqualTo("docker");
        assertThat(d.probeAll().get(0).detail()).contains("probe exploded");
    }

    @Test
    void connectCreatesOneEngineForTheCandidateThatAnswersAndNoThrowAwayProbeEngine() {
        SocketProbingProvider docker = docker(dockerUp);
        EngineDiscovery d = discovery(Map.of()).provider(docker).build();

        assertThat(d.connect().endpoint()).isEqualTo(dockerUp);
        assertThat(docker.creates.get()).isEqualTo(1);
    }

    @Test
    void aCandidateWhoseEngineDoesNotAnswerThePingIsSkippedAndClosed() {
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        ContainerEngine dead = SocketProbingProvider.engine("dead", URI.create("unix:///dead.sock"), false);
        SocketProbingProvider lying = new SocketProbingProvider("lying", 200, null, List.of(dockerUp)) {
            @Override
            public ContainerEngine create(EngineConfig config) {
                return (ContainerEngine) java.lang.reflect.Proxy.newProxyInstance(ContainerEngine.class.getClassLoader(),
                        new Class<?>[] {ContainerEngine.class}, (proxy, method, args) -> {
                            if (method.getName().equals("close")) {
                                closed.set(true);
                                return null;
                            }
                            try {
                                return method.invoke(dead, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        EngineDiscovery d = discovery(Map.of()).provider(lying).provider(podman(podmanUp)).build();

        assertThat(d.connect().id()).isEqualTo("podman");
        assertThat(closed).isTrue();
    }

    @Test
    void aTcpCandidateThatFailsIsReportedWithItsOwnErrorNotProbedAgain() {
        java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();
        SocketProbingProvider tcp = new SocketProbingProvider("docker", 100, null, List.of()) {
            @Override
            public Availability probe(EngineConfig config) {
                probes.incrementAndGet();
                return Availability.unavailable("probed");
            }

            @Override
            public ContainerEngine create(EngineConfig config) {
                throw new io.p4n4.api.EngineException("docker", null, "connect timed out at " + config.endpoint(), null);
            }
        };
        EngineDiscovery d = discovery(Map.of()).provider(tcp).endpoint("tcp://127.0.0.1:9").build();

        assertThatThrownBy(d::connect).isInstanceOf(EngineDiscoveryException.class)
                .hasMessageContaining("docker at tcp://127.0.0.1:9 (endpoint): connect timed out at tcp://127.0.0.1:9");
        assertThat(probes.get()).isZero();
    }

    @Test
    void withNoProvidersTheMessageSaysWhichModuleToAdd() {
        assertThatThrownBy(() -> discovery(Map.of()).build().connect())
                .isInstanceOf(EngineDiscoveryException.class)
                .hasMessageContaining("add io.p4n4:p4n4-lib-docker or io.p4n4:p4n4-lib-podman");
    }

    @Test
    void serviceLoaderSkipsABrokenProviderEntryAndLoadsTheRest() throws IOException {
        Path services = dir.resolve("cp/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("io.p4n4.api.spi.ContainerEngineProvider"),
                "io.p4n4.compose.engine.NoSuchProvider\nio.p4n4.compose.engine.SocketProbingProvider\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("cp").toUri().toURL()},
                getClass().getClassLoader())) {
            EngineDiscovery d = EngineDiscovery.builder().environment(Map.of()).classLoader(loader).build();

            assertThat(described(d)).contains("loaded at unix:///tmp/p4n4-no-such-dir/loaded.sock (default)");
            assertThatThrownBy(d::connect)
                    .hasMessageContaining("failed to load and was skipped")
                    .hasMessageContaining("NoSuchProvider");
        }
    }
}
