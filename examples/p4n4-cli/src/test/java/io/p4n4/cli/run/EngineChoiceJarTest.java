package io.p4n4.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.testkit.engine.TestEngines;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 --engine podman} run from the built jar with {@code DOCKER_HOST} pointing at the real dockerd and no
 * {@code CONTAINER_HOST}, as on a machine with both engines: Podman is looked for at its own sockets (here the
 * rootless one under {@code XDG_RUNTIME_DIR}, linked to the real Podman service) before {@code DOCKER_HOST}, which
 * is tried last and only taken if it is Podman.
 *
 * <p>Runs in the {@code integration-test} phase, once the jar exists (see the module's POM).
 */
@Tag("engine")
class EngineChoiceJarTest {
    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run p4n4(Map<String, String> env, String... args) throws Exception {
        String jar = System.getProperty("p4n4.cli.jar", "");
        assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)), "the jar is built before integration-test");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    void podmanIsFoundAtItsOwnSocketThoughDockerHostPointsAtDocker() throws Exception {
        String docker = TestEngines.requireEndpoint(TestEngines.endpointVariable("docker"));
        String podman = TestEngines.requireEndpoint(TestEngines.endpointVariable("podman"));
        Path runtimeDir = Files.createDirectories(tmp.resolve("run"));
        Files.createDirectories(runtimeDir.resolve("podman"));
        Path rootless = Files.createSymbolicLink(runtimeDir.resolve("podman/podman.sock"),
                Path.of(URI.create(podman).getPath()));
        Map<String, String> env = Map.of("DOCKER_HOST", docker, "XDG_RUNTIME_DIR", runtimeDir.toString());
        Path project = tmp.resolve("demo");
        assertThat(p4n4(env, "init", project.toString()).exit()).isZero();

        Run status = p4n4(env, "--engine", "podman", "--json", "--project", project.toString(), "status");

        assertThat(status.exit()).as(status.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(status.out());
        assertThat(doc.get("engine").asText()).isEqualTo("podman");
        assertThat(doc.get("endpoint").asText()).isEqualTo("unix://" + rootless);
    }

    @Test
    void withoutPodmanTheFailureLeadsWithPodmansOwnSocketsNotDockerHost() throws Exception {
        String docker = TestEngines.requireEndpoint(TestEngines.endpointVariable("docker"));
        Path runtimeDir = Files.createDirectories(tmp.resolve("run"));
        Map<String, String> env = Map.of("DOCKER_HOST", docker, "XDG_RUNTIME_DIR", runtimeDir.toString());
        Path project = tmp.resolve("demo");
        assertThat(p4n4(env, "init", project.toString()).exit()).isZero();

        Run status = p4n4(env, "--engine", "podman", "--project", project.toString(), "status");

        assertThat(status.exit()).isNotZero();
        List<String> tried = status.err().lines().filter(l -> l.startsWith("  - ")).toList();
        assertThat(tried).hasSizeGreaterThanOrEqualTo(2);
        assertThat(tried.get(0)).startsWith("  - podman at unix://" + runtimeDir.resolve("podman/podman.sock"))
                .contains("podman system service");
        assertThat(tried.get(tried.size() - 1)).startsWith("  - podman at " + docker + " (DOCKER_HOST)")
                .contains("not Podman");
    }
}
