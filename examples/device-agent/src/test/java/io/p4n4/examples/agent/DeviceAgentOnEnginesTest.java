package io.p4n4.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.api.spi.ScoreInterpreterProvider;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.TestEngines;
import io.p4n4.testkit.nats.NatsServer;
import io.p4n4.testkit.nats.NatsServerProcess;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.ScoreInterpreters;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.podman.PodmanV0Interpreter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The device agent end to end: a real nats-server with JetStream and real containers on Docker and
 * Podman (scripts/engines.sh start). Every container is labelled with a device id unique to the test
 * and removed by that label at the end.
 */
@Tag("engine")
class DeviceAgentOnEnginesTest {
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(60), Duration.ofMillis(100));

    private final String device = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private ContainerEngine engine;
    @NatsServer
    private NatsServerProcess server;

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (engine != null) {
            for (ContainerSummary c : containers()) {
                engine.removeContainer(c.id(), RemoveContainerOptions.forced().withAnonymousVolumes());
            }
            engine.close();
        }
    }

    private List<ContainerSummary> containers() {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of(PodmanV0Interpreter.LABEL_DEVICE, device)));
    }

    private void setUp(String runtime) {
        engine = TestEngines.connect(runtime);
        // two image names for the same busybox, so "the image changed" needs no registry
        engine.tagImage(TestEngines.TEST_IMAGE, "localhost/p4n4-agent-it:a");
        engine.tagImage(TestEngines.TEST_IMAGE, "localhost/p4n4-agent-it:b");
    }

    private NatsDesiredStateStore store() {
        NatsDesiredStateStore store = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                .reconnectWait(Duration.ofMillis(100)).connect();
        toClose.add(store);
        return store;
    }

    private DeviceAgent agent() {
        // the interpreter comes from p4n4-lib-podman's ScoreInterpreterProvider, as in the launcher
        List<ScoreInterpreter<?>> found = ScoreInterpreters.discover(
                new ScoreInterpreterProvider.Context(device, engine, Duration.ofSeconds(1)));
        assertThat(found).singleElement().isInstanceOf(PodmanV0Interpreter.class);
        DeviceAgent agent = DeviceAgent.builder().topology(Topology.ofThisMachine(device, engine.id()))
                .store(store())
                .interpreter(found.get(0))
                .relistInterval(Duration.ofSeconds(1))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).build().start();
        toClose.add(agent);
        return agent;
    }

    private static PodmanV0Score sleeper(String image) {
        return PodmanV0Score.of(PodmanService.of("main", image).withCommand("sleep", "3600"),
                PodmanService.of("side", image).withCommand("sleep", "3600").withEnv(java.util.Map.of("ROLE", "side")));
    }

    private boolean running(int count, String image) {
        List<ContainerSummary> all = containers();
        return all.size() == count && all.stream().allMatch(c -> c.state() == ContainerState.RUNNING
                && c.image().contains(image));
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void putRunsImageChangeReplacesDeleteRemoves(String runtime) throws Exception {
        setUp(runtime);
        ScorePublisher publisher = ScorePublisher.create(store());
        DeviceAgent agent = agent();

        publisher.publish(List.of(device), "app", sleeper("localhost/p4n4-agent-it:a"));
        WAIT.until(() -> running(2, "p4n4-agent-it:a"));
        List<String> firstIds = containers().stream().map(ContainerSummary::id).toList();

        publisher.publish(List.of(device), "app", sleeper("localhost/p4n4-agent-it:b"));
        WAIT.until(() -> running(2, "p4n4-agent-it:b"));
        assertThat(containers()).extracting(ContainerSummary::id).doesNotContainAnyElementsOf(firstIds);
        assertThat(agent.status().deployments().get("app").state()).isEqualTo(DeploymentState.RUNNING);

        publisher.delete(List.of(device), "app");
        WAIT.until(() -> containers().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void restartedAgentAdoptsRunningContainersAndRepairsLostOnes(String runtime) throws Exception {
        setUp(runtime);
        ScorePublisher publisher = ScorePublisher.create(store());
        DeviceAgent first = agent();
        publisher.publish(List.of(device), "app", sleeper("localhost/p4n4-agent-it:a"));
        WAIT.until(() -> running(2, "p4n4-agent-it:a"));
        List<String> ids = containers().stream().map(ContainerSummary::id).sorted().toList();
        first.close();

        DeviceAgent second = agent();
        WAIT.until(() -> second.state() == AgentState.ACTIVE && second.status().deployments().containsKey("app"));
        assertThat(second.reconcileNow(Duration.ofSeconds(30))).isTrue();
        assertThat(containers().stream().map(ContainerSummary::id).sorted().toList()).isEqualTo(ids);

        // the runtime loses a container (engine restart, manual rm): the next relist puts it back
        engine.removeContainer(ids.get(0), RemoveContainerOptions.forced().withAnonymousVolumes());
        WAIT.until(() -> running(2, "p4n4-agent-it:a"));
    }
}
