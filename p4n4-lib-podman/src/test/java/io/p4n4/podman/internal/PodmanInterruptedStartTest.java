package io.p4n4.podman.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.podman.internal.libpod.LibpodResponse;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.RealEngine;
import io.p4n4.testkit.engine.TestEngines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that the API service did not live to finish: runc has the container while Podman's state still
 * says "created", and Podman's next start fails with "container with given ID already exists". The test
 * builds that state for real and deterministically, by running {@code runc create} for the container itself
 * with the bundle Podman generated for a twin; it is what killing the service mid-start leaves about one time
 * in three.
 */
@Tag("engine")
@Timeout(120)
class PodmanInterruptedStartTest {
    private static final Path RUNC_ROOT = Path.of("/run/runc"); // runc's default state root for root
    private final Map<String, String> labels = Map.of("io.p4n4.test", "interrupted-"
            + UUID.randomUUID().toString().substring(0, 8));
    @RealEngine("podman")
    private PodmanEngine engine;
    private String runc;
    @TempDir
    Path bundle;

    @AfterEach
    void cleanUp() {
        if (engine != null) {
            engine.listContainers(ContainerFilter.all(LabelFilter.of(labels))).forEach(c -> engine.removeContainer(c.id(), RemoveContainerOptions.forced().withAnonymousVolumes()));
        }
    }

    @Test
    void aStartLeftBehindInRuncIsStartedOnTheSecondAttempt() throws Exception {
        String twin = engine.createContainer(spec("twin", "echo twin"));
        String target = engine.createContainer(spec("target", "echo started once"));
        try (LibpodHttp http = LibpodHttp.create(engine.endpoint(), Duration.ofSeconds(5), Duration.ofSeconds(30))) {
            JsonNode runtime = http.request("GET", "info").sendForJson().path("host").path("ociRuntime");
            assumeTrue(runtime.path("name").asText().equals("runc"), "podman's OCI runtime is not runc: " + runtime);
            runc = runtime.path("path").asText();
            http.request("POST", "containers", twin, "init").send().requireSuccess();
            Path config = Path.of(http.request("GET", "containers", twin, "json").sendForJson()
                    .path("OCIConfigPath").asText());
            assumeTrue(Files.isDirectory(RUNC_ROOT.resolve(twin)), "podman's runtime is not runc with root "
                    + RUNC_ROOT);
            Files.copy(config, bundle.resolve("config.json"));
            runc("create", "--bundle", bundle.toString(), target);
            runc("state", target);

            LibpodResponse plain = http.request("POST", "containers", target, "start").send();
            assertThat(plain.status()).as("the state really is the one Podman refuses").isEqualTo(500);
            assertThat(plain.message()).contains("container with given ID already exists");
            runc("create", "--bundle", bundle.toString(), target); // the refusal cleaned it up: put it back
        }

        engine.startContainer(target);

        Waits.within(Duration.ofSeconds(30), Duration.ofMillis(50)).alias("the started target to exit")
                .until(() -> engine.inspectContainer(target).state() == ContainerState.EXITED);
        assertThat(engine.inspectContainer(target).state()).isEqualTo(ContainerState.EXITED);
        assertThat(engine.inspectContainer(target).exitCode()).isZero();
        assertThat(engine.logs(target, LogOptions.ALL)).extracting(l -> l.text().strip())
                .containsExactly("started once");
    }

    private ContainerSpec spec(String name, String script) {
        return ContainerSpec.builder(TestEngines.TEST_IMAGE).name("p4n4-interrupted-" + name + "-"
                + labels.get("io.p4n4.test")).labels(labels).command("sh", "-c", script).build();
    }

    private void runc(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = runc;
        command[1] = "--root";
        command[2] = RUNC_ROOT.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Path out = Files.createTempFile(bundle, "runc", ".out");
        Process p = new ProcessBuilder(command).directory(bundle.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("runc %s finished", args[0]).isTrue();
        assertThat(p.exitValue()).as("runc %s: %s", args[0], Files.readString(out)).isZero();
    }
}
