package io.p4n4.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.agent.AgentStatusJson;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.podman.PodmanV0Interpreter;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.RealEngine;
import io.p4n4.testkit.engine.TestEngines;
import io.p4n4.testkit.nats.NatsServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent runs as its own process against the real podman and is killed with SIGKILL while it creates or
 * replaces the containers of a Score, then started again: it converges on exactly one container per service,
 * running the last Score, with nothing left over. Everything the test creates carries its own device id.
 */
@Tag("engine")
class AgentKilledTest {

    private static final int SERVICES = 3;
    /** Kill rounds: the first hits the creation of the Score, the next the replacement by a new generation. */
    private static final int ROUNDS = 2;
    private static final String DEPLOYMENT = "stack";
    private static final ScoreCodec CODEC = ScoreCodec.lenient(ScoreTypeRegistry.defaults());

    @TempDir
    Path dir;

    @RealEngine("podman")
    private ContainerEngine podman;

    private final String device = "kill-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<Process> agents = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        agents.forEach(p -> p.destroyForcibly());
        if (podman != null) {
            containers().forEach(c -> podman.removeContainer(c.id(), RemoveContainerOptions.forced()
                    .withAnonymousVolumes()));
        }
    }

    @Test
    void anAgentKilledWhileCreatingContainersConvergesWithoutDuplicatesWhenStartedAgain(@NatsServer String url)
            throws Exception {
        TestEngines.assumeImage(podman, TestEngines.TEST_IMAGE);
        Path config = writeConfig(url);
        try (NatsDesiredStateStore store = NatsDesiredStateStore.builder().servers(List.of(url)).connect()) {
            ScorePublisher publisher = ScorePublisher.create(store);
            int killedMidway = 0;
            int generation = 0;
            Process agent = startAgent(config);
            // each round publishes a new generation (first a create, then replacements) and kills the agent as
            // soon as some, but not all, containers of it exist
            for (int round = 0; round < ROUNDS; round++) {
                generation++;
                String hash = hash(generation);
                publisher.publish(List.of(device), DEPLOYMENT, score(generation));
                Waits.within(Duration.ofSeconds(60), Duration.ofMillis(5)).alias("a container of generation "
                        + generation).until(() -> withHash(hash) > 0);
                int created = withHash(hash);
                kill(agent);
                if (created < SERVICES) {
                    killedMidway++;
                }
                agent = startAgent(config);
            }
            assertThat(killedMidway).as("kills that hit a half-created Score").isPositive();

            String last = hash(generation);
            Waits.within(Duration.ofSeconds(90), Duration.ofMillis(100)).alias("convergence after the kills")
                    .until(() -> converged(last));
            Thread.sleep(2500); // two more relists: nothing may be created on top
            List<ContainerSummary> all = containers();
            assertThat(all).as("one container per service, no duplicates, nothing of older generations")
                    .hasSize(SERVICES)
                    .allSatisfy(c -> {
                        assertThat(c.state()).isEqualTo(ContainerState.RUNNING);
                        assertThat(c.labels()).containsEntry(PodmanV0Interpreter.LABEL_SCORE_HASH, last);
                    });
            assertThat(all.stream().map(c -> c.labels().get(PodmanV0Interpreter.LABEL_SERVICE)).distinct())
                    .hasSize(SERVICES);
            Waits.within(Duration.ofSeconds(30)).alias("status RUNNING").until(() -> store.findStatus(device)
                    .map(AgentStatusJson::read).map(s -> s.deployments().get(DEPLOYMENT))
                    .filter(d -> d.state() == DeploymentState.RUNNING && last.equals(d.scoreHash())).isPresent());
            System.out.printf("agent killed: %d of %d kills hit a half-created Score%n", killedMidway, ROUNDS);
        }
    }

    private Path writeConfig(String url) throws IOException {
        Path config = dir.resolve("agent.toml");
        Files.writeString(config, """
                [agent]
                device_id = "%s"
                runtime = "podman"
                state_dir = "%s"
                relist_seconds = 1
                [credentials]
                type = "none"
                [nats]
                urls = ["%s"]
                """.formatted(device, dir.resolve("state"), url));
        return config;
    }

    /** Starts {@link AgentProcessMain} in a new JVM on the test's class path, with podman's endpoint. */
    private Process startAgent(Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                AgentProcessMain.class.getName(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("agent.log").toFile()));
        builder.environment().put("CONTAINER_HOST", TestEngines.requireEndpoint(TestEngines.endpointVariable("podman")));
        Process process = builder.start();
        agents.add(process);
        return process;
    }

    private static void kill(Process agent) throws InterruptedException {
        agent.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        assertThat(agent.waitFor(10, TimeUnit.SECONDS)).as("agent process gone").isTrue();
    }

    private boolean converged(String hash) {
        List<ContainerSummary> all = containers();
        return all.size() == SERVICES && all.stream().allMatch(c -> c.state() == ContainerState.RUNNING
                && hash.equals(c.labels().get(PodmanV0Interpreter.LABEL_SCORE_HASH)));
    }

    private int withHash(String hash) {
        return (int) containers().stream()
                .filter(c -> hash.equals(c.labels().get(PodmanV0Interpreter.LABEL_SCORE_HASH))).count();
    }

    private List<ContainerSummary> containers() {
        return podman.listContainers(ContainerFilter.all(LabelFilter.of(PodmanV0Interpreter.LABEL_DEVICE, device)));
    }

    private PodmanV0Score score(int generation) {
        return new PodmanV0Score(IntStream.rangeClosed(1, SERVICES).mapToObj(i -> PodmanService
                .of("s" + i, TestEngines.TEST_IMAGE)
                // exits on SIGTERM: replacing a generation need not wait for the stop timeout
                .withCommand("sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait")
                .withEnv(Map.of("GENERATION", Integer.toString(generation)))).toList());
    }

    private String hash(int generation) {
        return CODEC.decode(CODEC.encode(score(generation))).hash();
    }
}
