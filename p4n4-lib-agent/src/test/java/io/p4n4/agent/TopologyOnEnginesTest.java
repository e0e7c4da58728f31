package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.InterpreterPlatform;
import io.p4n4.api.score.Topology;
import io.p4n4.agent.podman.PodmanV0Interpreter;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.TestEngines;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PodmanV0 interpreter declares the platform of the real engine it drives (scripts/engines.sh start),
 * and an agent whose device topology names another architecture starts nothing on it.
 */
@Tag("engine")
class TopologyOnEnginesTest {
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(60), Duration.ofMillis(50));

    private final String device = "topo-" + UUID.randomUUID().toString().substring(0, 8);
    private final InMemoryDesiredStateStore store = new InMemoryDesiredStateStore();
    private ContainerEngine engine;
    private DeviceAgent agent;

    @AfterEach
    void cleanUp() {
        if (agent != null) {
            agent.close();
        }
        if (engine != null) {
            for (ContainerSummary c : containers()) {
                engine.removeContainer(c.id(), RemoveContainerOptions.forced());
            }
            engine.close();
        }
    }

    private List<ContainerSummary> containers() {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of(PodmanV0Interpreter.LABEL_DEVICE, device)));
    }

    private DeviceAgent start(Topology topology) {
        agent = DeviceAgent.builder().topology(topology).store(store)
                .interpreter(PodmanV0Interpreter.create(engine, device, Duration.ofSeconds(1)))
                .relistInterval(Duration.ofMillis(500)).build().start();
        return agent;
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void theInterpreterDeclaresTheEnginesArchitectureAndRuntime(String runtime) {
        engine = TestEngines.connect(runtime);

        InterpreterPlatform platform = PodmanV0Interpreter.create(engine, device, Duration.ofSeconds(1)).platform();

        // the test engines run on this machine, so they report the JVM's architecture (in Go's naming)
        assertThat(platform.architecture())
                .isEqualTo(InterpreterPlatform.normalizeArchitecture(System.getProperty("os.arch")));
        assertThat(platform.runtime()).isEqualTo(runtime);
        assertThat(platform.engine()).contains(engine.version().version()).contains(engine.endpoint().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aDeviceOfAnotherArchitectureStartsNothingAndTheRightOneRunsTheScore(String runtime) {
        engine = TestEngines.connect(runtime);
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        String here = InterpreterPlatform.normalizeArchitecture(System.getProperty("os.arch"));
        ScorePublisher.create(store).publish(List.of(device), "app",
                PodmanV0Score.of(PodmanService.of("main", TestEngines.TEST_IMAGE).withCommand("sleep", "3600")));

        start(new Topology(device, "riscv64", "linux", runtime));
        WAIT.until(() -> agent.status().deployments().containsKey("app"));
        assertThat(agent.status().deployments().get("app").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(agent.status().deployments().get("app").message())
                .contains("architecture: wants " + here + ", the device has riscv64");
        assertThat(containers()).isEmpty();
        agent.close();

        start(Topology.ofThisMachine(device, runtime));
        // the container runs a moment before the agent records the deployment as applied
        WAIT.until(() -> containers().size() == 1 && containers().get(0).state() == ContainerState.RUNNING
                && agent.status().deployments().containsKey("app"));
        WAIT.untilAsserted(() -> assertThat(agent.status().deployments().get("app").state())
                .isEqualTo(DeploymentState.RUNNING));
    }
}
