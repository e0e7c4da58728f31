package io.p4n4.benchmarks.junit;

import io.p4n4.junit.ComposeEnvironment;
import io.p4n4.junit.EngineChoice;
import io.p4n4.junit.P4n4Compose;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.DockerComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/** The test classes measured: the same stack and the same test, through each tool. Run from the repository root. */
public final class BenchClasses {
    /** The compose file, relative to the repository root. */
    public static final String FILE = "p4n4-lib-benchmarks/src/main/resources/io/p4n4/benchmarks/junit/two-services.yml";

    private BenchClasses() {
    }

    static void get(String host, int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + host + ":" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().equals("hello\n")) {
            throw new AssertionError("unexpected answer " + r.statusCode() + " " + r.body());
        }
    }

    /** p4n4 on Docker. */
    @P4n4Compose(value = FILE, engine = EngineChoice.DOCKER, host = "${p4n4.bench.docker}")
    public static class P4n4OnDocker {
        @Test
        void answers(ComposeEnvironment env) throws Exception {
            get(env.host("web", 80), env.port("web", 80));
        }
    }

    /** p4n4 on Podman. */
    @P4n4Compose(value = FILE, engine = EngineChoice.PODMAN, host = "${p4n4.bench.podman}")
    public static class P4n4OnPodman {
        @Test
        void answers(ComposeEnvironment env) throws Exception {
            get(env.host("web", 80), env.port("web", 80));
        }
    }

    /** p4n4 on Docker, reused between runs. */
    @P4n4Compose(value = FILE, engine = EngineChoice.DOCKER, host = "${p4n4.bench.docker}", reuse = true)
    public static class P4n4Reused {
        @Test
        void answers(ComposeEnvironment env) throws Exception {
            get(env.host("web", 80), env.port("web", 80));
        }
    }

    /** Testcontainers' DockerComposeContainer with the local docker-compose binary, waiting for web's healthcheck. */
    @SuppressWarnings({"deprecation", "resource"})
    public static class Testcontainers {
        static DockerComposeContainer<?> compose;

        @BeforeAll
        static void up() {
            compose = new DockerComposeContainer<>(new File(FILE)).withLocalCompose(true).withPull(false)
                    .waitingFor("web", Wait.forHealthcheck());
            compose.start();
        }

        @AfterAll
        static void down() {
            compose.stop();
        }

        @Test
        void answers() throws Exception {
            ContainerState web = compose.getContainerByServiceName("web").or(() ->
                    compose.getContainerByServiceName("web_1")).orElseThrow();
            // the published port as the engine reports it: getMappedPort needs withExposedService, whose
            // ambassador container (alpine/socat) cannot be pulled here
            String port = web.getContainerInfo().getNetworkSettings().getPorts().getBindings()
                    .get(com.github.dockerjava.api.model.ExposedPort.tcp(80))[0].getHostPortSpec();
            get("127.0.0.1", Integer.parseInt(port));
        }
    }
}
