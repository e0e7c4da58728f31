package io.p4n4.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.AgentStatus;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.Topology;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServer;
import io.p4n4.testkit.nats.NatsServerProcess;
import io.p4n4.agent.AgentStatusJson;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.agent.score.TrustedKeySet;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device agent against a real nats-server with JetStream (started by the test, so it can be
 * restarted), with a recording interpreter: the control plane end to end.
 */
class DeviceAgentOnNatsTest {
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(20), Duration.ofMillis(20));

    @TempDir
    Path stateDir;

    @NatsServer
    private NatsServerProcess server;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private NatsDesiredStateStore publisherStore;
    private ScorePublisher publisher;
    private final RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);

    @BeforeEach
    void connectPublisher() {
        publisherStore = store();
        publisher = ScorePublisher.create(publisherStore);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private NatsDesiredStateStore store() {
        NatsDesiredStateStore store = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                .reconnectWait(Duration.ofMillis(100)).connect();
        toClose.add(store);
        return store;
    }

    private DeviceAgent agent(TrustedKeySet keys) {
        DeviceAgent agent = DeviceAgent.builder().topology(Topology.ofThisMachine("pi-1", "none")).store(store())
                .interpreter(interpreter).trustedKeys(keys).stateDirectory(stateDir).relistInterval(Duration.ofSeconds(30))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).build().start();
        toClose.add(agent);
        return agent;
    }

    private static PodmanV0Score web(String image) {
        return PodmanV0Score.of(PodmanService.of("web", image).withPorts("8080:80"));
    }

    private String imageOf(String deployment) {
        PodmanV0Score score = interpreter.scoreOf(deployment);
        return score == null ? null : score.services().get(0).image();
    }

    @Test
    void putRunsChangeReplacesDeleteRemoves() throws Exception {
        DeviceAgent agent = agent(TrustedKeySet.of(List.of()));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE);

        publisher.publish(List.of("pi-1"), "hello", web("nginx:1"));
        WAIT.until(() -> "nginx:1".equals(imageOf("hello")));
        publisher.publish(List.of("pi-1"), "hello", web("nginx:2"));
        WAIT.until(() -> "nginx:2".equals(imageOf("hello")));
        publisher.delete(List.of("pi-1"), "hello");
        WAIT.until(() -> interpreter.deployed().isEmpty());

        // relisting finds nothing left to do
        assertThat(agent.reconcileNow(Duration.ofSeconds(10))).isTrue();
        assertThat(interpreter.calls()).extracting(RecordingScoreInterpreter.Call::action)
                .containsExactly("apply", "apply", "remove");
    }

    @Test
    void purgeRemovesTheDeploymentLikeADeleteAndLeavesTheOthers() throws Exception {
        DeviceAgent agent = agent(TrustedKeySet.of(List.of()));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE);
        publisher.publish(List.of("pi-1"), "hello", web("nginx:1"));
        publisher.publish(List.of("pi-1"), "other", web("redis:7"));
        WAIT.until(() -> imageOf("hello") != null && imageOf("other") != null);

        // another tool purges the key (history gone, one purge marker left), as `nats kv purge` does
        Connection nc = Nats.connect(server.url());
        try {
            nc.keyValue(NatsDesiredStateStore.DESIRED_STATE_BUCKET).purge("pi-1.hello");
        } finally {
            nc.close();
        }

        WAIT.until(() -> imageOf("hello") == null);
        assertThat(agent.reconcileNow(Duration.ofSeconds(10))).isTrue();
        assertThat(imageOf("other")).isEqualTo("redis:7");
        assertThat(agent.status().deployments()).containsOnlyKeys("other");
        assertThat(interpreter.calls()).extracting(c -> c.action() + " " + c.deployment())
                .containsExactlyInAnyOrder("apply hello", "apply other", "remove hello");
    }

    @Test
    void agentRestartConvergesWithoutDuplicates() throws Exception {
        publisher.publish(List.of("pi-1"), "a", web("nginx:1"));
        publisher.publish(List.of("pi-1"), "b", web("redis:7"));
        DeviceAgent first = agent(TrustedKeySet.of(List.of()));
        WAIT.until(() -> interpreter.applyCount() == 2);
        first.close();

        // changed while the agent was down
        publisher.publish(List.of("pi-1"), "b", web("redis:8"));
        DeviceAgent second = agent(TrustedKeySet.of(List.of()));
        WAIT.until(() -> "redis:8".equals(imageOf("b")));
        assertThat(second.reconcileNow(Duration.ofSeconds(10))).isTrue();

        assertThat(interpreter.applyCount()).isEqualTo(3);
        assertThat(interpreter.deployed()).hasSize(2);
    }

    @Test
    void natsRestartMidRunLaterChangesAreStillApplied() throws Exception {
        DeviceAgent agent = agent(TrustedKeySet.of(List.of()));
        publisher.publish(List.of("pi-1"), "app", web("nginx:1"));
        WAIT.until(() -> "nginx:1".equals(imageOf("app")));

        server.stop();
        WAIT.until(() -> agent.state() == AgentState.CONNECTING);
        assertThat(interpreter.deployed()).hasSize(1); // what runs keeps running
        server.startAgain();

        WAIT.until(() -> {
            try {
                publisher.publish(List.of("pi-1"), "app", web("nginx:2"));
                return true;
            } catch (RuntimeException e) {
                return false; // JetStream still recovering
            }
        });
        WAIT.until(() -> "nginx:2".equals(imageOf("app")));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE);
        publisher.publish(List.of("pi-1"), "later", web("nginx:3"));
        WAIT.until(() -> "nginx:3".equals(imageOf("later")));
        assertThat(interpreter.applyCount()).isEqualTo(3);
    }

    @Test
    void badAndUnsignedScoresAreRejectedInTheStatusAndOthersRun() throws Exception {
        KeyPair pair = ScoreSigner.generateKeyPair();
        ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());
        ScorePublisher signing = ScorePublisher.create(publisherStore, codec, ScoreSigner.of(codec, pair));
        signing.publish(List.of("pi-1"), "good", web("nginx:1"));
        publisher.publish(List.of("pi-1"), "unsigned", web("nginx:1"));
        publisherStore.compareAndSet("pi-1", "garbage", "{\"type\":\"PodmanV0\",\"data\":{\"services\":7}}", 0);
        String tampered = publisherStore.find("pi-1", "good").orElseThrow().value().replace("nginx:1", "evil:1");
        publisherStore.compareAndSet("pi-1", "tampered", tampered, 0);

        agent(TrustedKeySet.of(List.of(pair.getPublic())));
        WAIT.until(() -> publisherStore.findStatus("pi-1").map(AgentStatusJson::read)
                .map(s -> s.deployments().size() == 4).orElse(false));

        AgentStatus status = AgentStatusJson.read(publisherStore.findStatus("pi-1").orElseThrow());
        assertThat(status.deployments().get("good").state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(status.deployments().get("unsigned").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status.deployments().get("unsigned").message()).contains("not signed");
        assertThat(status.deployments().get("garbage").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status.deployments().get("tampered").message()).contains("does not match");
        assertThat(interpreter.deployed()).extracting(d -> d.deployment()).containsExactly("good");
    }

    @Test
    void agentStartedWhileNatsIsDownConvergesWhenItComesUp() throws Exception {
        publisher.publish(List.of("pi-1"), "app", web("nginx:1"));
        server.stop();

        DeviceAgent agent = agent(TrustedKeySet.of(List.of()));
        Thread.sleep(1500);
        assertThat(agent.state()).isEqualTo(AgentState.CONNECTING);
        assertThat(interpreter.applyCount()).isZero();

        server.startAgain();
        WAIT.until(() -> "nginx:1".equals(imageOf("app")));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE);
        publisher.publish(List.of("pi-1"), "app", web("nginx:2"));
        WAIT.until(() -> "nginx:2".equals(imageOf("app")));
    }
}
