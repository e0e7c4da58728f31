package io.p4n4.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.PodmanServiceProcess;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.api.score.Topology;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.testkit.engine.RealEngine;
import io.p4n4.testkit.engine.TestEngines;
import io.p4n4.testkit.nats.NatsServer;
import io.p4n4.testkit.nats.NatsServerProcess;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.podman.PodmanV0Interpreter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The container engine stops and starts again under a running agent, for real: the test runs its own
 * {@code podman system service}, kills it, publishes changes while it is down, and starts it again. The
 * agent stays up and says what failed, its containers keep running, and once the engine is back it
 * converges (the changed deployment replaced, the new one created, nothing duplicated).
 */
@Tag("engine")
class DeviceAgentEngineRestartTest {
    private static final String IMAGE_A = "localhost/p4n4-agent-it:a";
    private static final String IMAGE_B = "localhost/p4n4-agent-it:b";

    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(60), Duration.ofMillis(100));

    private final String device = "it-" + UUID.randomUUID().toString().substring(0, 8);
    @RealEngine("podman")
    private ContainerEngine direct;
    private PodmanServiceProcess service;
    @NatsServer
    private NatsServerProcess server;
    private ContainerEngine engine;
    private NatsDesiredStateStore agentStore;
    private NatsDesiredStateStore publisherStore;
    private DeviceAgent agent;

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {agent, agentStore, publisherStore, engine, service}) {
            if (c != null) {
                c.close();
            }
        }
        if (direct != null) {
            containers().forEach(c -> direct.removeContainer(c.id(), RemoveContainerOptions.forced().withAnonymousVolumes()));
        }
    }

    private List<ContainerSummary> containers() {
        return direct.listContainers(ContainerFilter.all(LabelFilter.of(PodmanV0Interpreter.LABEL_DEVICE, device)));
    }

    private List<ContainerSummary> running(String deployment) {
        return containers().stream().filter(c -> c.state() == ContainerState.RUNNING
                && deployment.equals(c.labels().get(PodmanV0Interpreter.LABEL_DEPLOYMENT))).toList();
    }

    private static PodmanV0Score sleeper(String image) {
        return PodmanV0Score.of(PodmanService.of("main", image).withCommand("sleep", "3600"));
    }

    @Test
    void engineStoppedAndStartedAgainConverges() throws Exception {
        assumeTrue(PodmanServiceProcess.findPodman().isPresent(), "podman is not installed");
        direct.tagImage(TestEngines.TEST_IMAGE, IMAGE_A);
        direct.tagImage(TestEngines.TEST_IMAGE, IMAGE_B);
        service = PodmanServiceProcess.start();
        engine = TestEngines.connectAt("podman", service.endpoint());
        agentStore = NatsDesiredStateStore.builder().servers(List.of(server.url())).connect();
        publisherStore = NatsDesiredStateStore.builder().servers(List.of(server.url())).connect();
        ScorePublisher publisher = ScorePublisher.create(publisherStore);
        agent = DeviceAgent.builder().topology(Topology.ofThisMachine(device, engine.id())).store(agentStore)
                .interpreter(PodmanV0Interpreter.create(engine, device, Duration.ofSeconds(1)))
                .relistInterval(Duration.ofSeconds(1)).backoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .build().start();
        publisher.publish(List.of(device), "app", sleeper(IMAGE_A));
        WAIT.alias("app running").until(() -> running("app").size() == 1);
        String before = running("app").get(0).id();

        service.kill();
        publisher.publish(List.of(device), "app", sleeper(IMAGE_B));
        publisher.publish(List.of(device), "extra", sleeper(IMAGE_A));
        WAIT.alias("the agent reporting the failures").until(() -> {
            DeploymentStatus app = agent.status().deployments().get("app");
            return app != null && app.state() == DeploymentState.FAILED && agent.status().deployments()
                    .containsKey("extra");
        });
        assertThat(agent.state()).isEqualTo(AgentState.ACTIVE);
        assertThat(agent.status().lastError()).contains("podman");
        assertThat(running("app")).extracting(ContainerSummary::id).as("still running while the engine is down")
                .containsExactly(before);

        service.startAgain();
        WAIT.alias("convergence").until(() -> {
            List<ContainerSummary> app = running("app"); // one listing: the agent may replace it between two
            return app.size() == 1 && app.get(0).image().contains(IMAGE_B) && running("extra").size() == 1;
        });
        assertThat(containers()).as("no duplicates, nothing left of the old app").hasSize(2);
        WAIT.alias("status running").until(() -> agent.status().deployments().values().stream()
                .allMatch(d -> d.state() == DeploymentState.RUNNING));
    }
}
