package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.junit.internal.EngineConnector;
import io.p4n4.junit.internal.RunLabels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A forked JVM runs a class whose project is up, and is killed with SIGKILL in the middle of its test: its
 * containers, network and volume stay behind. The next JVM that starts a project on that engine removes them,
 * and leaves alone the project of a JVM that is still alive (this one).
 */
@Tag("engine")
class CrashCleanupTest {
    private static final String READY = "P4N4-READY ";

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void theNextRunRemovesWhatAKilledJvmLeftAndSparesLiveRuns(EngineChoice engine) throws Exception {
        String host = TestHosts.hostOf(engine);
        String sample = engine == EngineChoice.DOCKER ? DockerKilledMidClass.class.getName()
                : PodmanKilledMidClass.class.getName();
        Process killed = fork(sample);
        try (ContainerEngine client = EngineConnector.connect(engine, host);
             ComposeEnvironment live = ComposeEnvironment.start(ComposeSetup.builder(
                     "src/test/resources/compose/slow-http.yml").engine(engine).host(host).build())) {
            String project = readyProject(killed);
            ProjectObjects left = ProjectObjects.of(client, project);
            assertThat(left.containers()).hasSize(2);
            assertThat(left.volumes()).hasSize(1);
            assertThat(left.all()).allSatisfy(labels -> assertThat(labels.get(RunLabels.RUN))
                    .contains("/" + killed.pid() + "/"));

            killed.destroyForcibly(); // SIGKILL: no shutdown hook, no afterAll, nothing cleans up
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ProjectObjects.of(client, project).containers()).hasSize(2);

            Process next = fork(engine == EngineChoice.DOCKER ? DockerNextRun.class.getName()
                    : PodmanNextRun.class.getName());
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> drain(next));
            assertThat(next.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(next.exitValue()).as(output.get()).isZero();

            assertThat(ProjectObjects.of(client, project).isEmpty()).as("leftovers of %s", project).isTrue();
            assertThat(ProjectObjects.of(client, live.projectName()).containers()).hasSize(1);
        } finally {
            killed.destroyForcibly();
        }
    }

    private static Process fork(String testClass) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                ForkedJUnitRun.class.getName(), testClass)).redirectErrorStream(true).start();
    }

    /** The project the forked class reports once it is up (its test prints it, then sleeps). */
    private static String readyProject(Process process) throws Exception {
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.startsWith(READY)) {
                        return line.substring(READY.length()).trim();
                    }
                    seen.append(line).append('\n');
                }
            } catch (IOException e) {
                seen.append(e);
            }
            throw new IllegalStateException("the forked class ended without reporting its project:\n" + seen);
        });
        return ready.get(120, TimeUnit.SECONDS);
    }

    private static String drain(Process process) {
        try {
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Reports its project and sleeps until killed. */
    abstract static class SleepsUntilKilled {
        @Test
        void sleeps(ComposeEnvironment env) throws InterruptedException {
            System.out.println(READY + env.projectName());
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    /** The next run: any class with a project on the same engine. */
    abstract static class StartsAProject {
        @Test
        void isUp(ComposeEnvironment env) {
            assertThat(env.port("slow", 8080)).isPositive();
        }
    }

    @P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.DOCKER,
            host = "${P4N4_TEST_DOCKER_HOST}")
    static class DockerKilledMidClass extends SleepsUntilKilled {
    }

    @P4n4Compose(value = "src/test/resources/compose/web.yml", engine = EngineChoice.PODMAN,
            host = "${P4N4_TEST_PODMAN_HOST}")
    static class PodmanKilledMidClass extends SleepsUntilKilled {
    }

    @P4n4Compose(value = "src/test/resources/compose/slow-http.yml", engine = EngineChoice.DOCKER,
            host = "${P4N4_TEST_DOCKER_HOST}")
    static class DockerNextRun extends StartsAProject {
    }

    @P4n4Compose(value = "src/test/resources/compose/slow-http.yml", engine = EngineChoice.PODMAN,
            host = "${P4N4_TEST_PODMAN_HOST}")
    static class PodmanNextRun extends StartsAProject {
    }
}
