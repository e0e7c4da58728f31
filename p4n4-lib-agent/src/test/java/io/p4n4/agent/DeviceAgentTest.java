package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.AgentStatus;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.Topology;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.agent.score.TrustedKeySet;
import io.p4n4.testkit.await.Waits;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceAgentTest {
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(5), Duration.ofMillis(10));

    private final InMemoryDesiredStateStore store = new InMemoryDesiredStateStore();
    private final RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
    private final ScorePublisher publisher = ScorePublisher.create(store);
    private DeviceAgent agent;

    @TempDir
    Path stateDir;

    private DeviceAgent start(RecordingScoreInterpreter<PodmanV0Score> interp, TrustedKeySet keys) {
        agent = DeviceAgent.builder().topology(Topology.ofThisMachine("dev1", "none")).store(store)
                .interpreter(interp).trustedKeys(keys).stateDirectory(stateDir).relistInterval(Duration.ofMillis(300))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100)).build().start();
        return agent;
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private static PodmanV0Score web(String image) {
        return PodmanV0Score.of(PodmanService.of("web", image));
    }

    @Test
    void putChangeAndDeleteAreAppliedOnce() throws Exception {
        start(interpreter, TrustedKeySet.of(List.of()));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE);

        publisher.publish(List.of("dev1"), "app", web("nginx:1"));
        WAIT.until(() -> interpreter.scoreOf("app") != null);
        publisher.publish(List.of("dev1"), "app", web("nginx:1"));
        publisher.publish(List.of("dev1"), "app", web("nginx:2"));
        WAIT.until(() -> interpreter.scoreOf("app") != null
                && interpreter.scoreOf("app").services().get(0).image().equals("nginx:2"));
        store.delete("dev1", "app");
        WAIT.until(() -> interpreter.deployed().isEmpty());

        assertThat(interpreter.calls()).extracting(RecordingScoreInterpreter.Call::action)
                .containsExactly("apply", "apply", "remove");
        assertThat(agent.status().deployments()).isEmpty();
    }

    @Test
    void restartAdoptsWhatRunsInsteadOfApplyingAgain() throws Exception {
        publisher.publish(List.of("dev1"), "app", web("nginx:1"));
        start(interpreter, TrustedKeySet.of(List.of()));
        WAIT.until(() -> interpreter.applyCount() == 1 && agent.state() == AgentState.ACTIVE);
        agent.close();

        start(interpreter, TrustedKeySet.of(List.of()));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE
                && agent.status().deployments().containsKey("app"));
        assertThat(agent.reconcileNow(Duration.ofSeconds(5))).isTrue();
        assertThat(interpreter.applyCount()).isEqualTo(1);
        assertThat(agent.status().deployments().get("app").state()).isEqualTo(DeploymentState.RUNNING);
    }

    @Test
    void badScoreIsRejectedAndOthersRun() throws Exception {
        publisher.publish(List.of("dev1"), "good", web("nginx:1"));
        store.compareAndSet("dev1", "bad", "{\"type\":\"OkdApplyV0\",\"data\":{}}", 0);
        start(interpreter, TrustedKeySet.of(List.of()));
        WAIT.until(() -> agent.status().deployments().size() == 2);

        AgentStatus status = agent.status();
        assertThat(status.deployments().get("good").state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(status.deployments().get("bad").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status.deployments().get("bad").message()).contains("unknown Score type 'OkdApplyV0'");
        assertThat(interpreter.deployed()).extracting(d -> d.deployment()).containsExactly("good");
        WAIT.until(() -> store.findStatus("dev1").map(s -> s.contains("REJECTED")).orElse(false));
    }

    @Test
    void withTrustedKeysOnlySignedScoresApply() throws Exception {
        KeyPair pair = ScoreSigner.generateKeyPair();
        ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());
        ScorePublisher signing = ScorePublisher.create(store, codec, ScoreSigner.of(codec, pair));
        signing.publish(List.of("dev1"), "signed", web("nginx:1"));
        publisher.publish(List.of("dev1"), "unsigned", web("nginx:1"));
        start(interpreter, TrustedKeySet.of(List.of(pair.getPublic())));
        WAIT.until(() -> agent.status().deployments().size() == 2);

        assertThat(agent.status().deployments().get("signed").state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(agent.status().deployments().get("unsigned").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(interpreter.deployed()).extracting(d -> d.deployment()).containsExactly("signed");
    }

    @Test
    void storeDownKeepsWhatRunsAndConvergesWhenBack() throws Exception {
        publisher.publish(List.of("dev1"), "app", web("nginx:1"));
        start(interpreter, TrustedKeySet.of(List.of()));
        WAIT.until(() -> interpreter.applyCount() == 1);

        store.down = true;
        WAIT.until(() -> agent.state() == AgentState.CONNECTING);
        assertThat(interpreter.deployed()).hasSize(1);
        store.down = false;
        publisher.publish(List.of("dev1"), "app2", web("nginx:1"));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE && interpreter.deployed().size() == 2);
    }

    @Test
    void runtimeLosingAContainerIsRepairedAtTheNextRelist() throws Exception {
        publisher.publish(List.of("dev1"), "app", web("nginx:1"));
        start(interpreter, TrustedKeySet.of(List.of()));
        WAIT.until(() -> interpreter.applyCount() == 1);

        interpreter.remove("app");
        WAIT.until(() -> interpreter.applyCount() == 2);
        assertThat(interpreter.deployed()).hasSize(1);
    }

    @Test
    void closeIsIdempotentAndReportsShutdown() throws Exception {
        start(interpreter, TrustedKeySet.of(List.of()));
        WAIT.until(() -> agent.state() == AgentState.ACTIVE);
        agent.close();
        agent.close();
        assertThat(agent.state()).isEqualTo(AgentState.SHUTDOWN);
        assertThat(AgentStatusJson.read(store.findStatus("dev1").orElseThrow()).state())
                .isEqualTo(AgentState.SHUTDOWN);
    }

    @Test
    void closeReturnsWithinTheShutdownTimeoutEvenWhenAnApplyHangs() throws Exception {
        java.util.concurrent.CountDownLatch applying = new java.util.concurrent.CountDownLatch(1);
        io.p4n4.api.spi.ScoreInterpreter<PodmanV0Score> stuck = new io.p4n4.api.spi.ScoreInterpreter<>() {
            @Override
            public String id() {
                return "stuck";
            }

            @Override
            public io.p4n4.api.score.ScoreType<PodmanV0Score> scoreType() {
                return PodmanV0Score.TYPE;
            }

            @Override
            public io.p4n4.api.score.InterpreterPlatform platform() {
                return io.p4n4.api.score.InterpreterPlatform.anywhere("an engine that never answers");
            }

            @Override
            public io.p4n4.api.score.ApplyOutcome apply(String d, PodmanV0Score s, String h, Topology t) {
                applying.countDown();
                try {
                    Thread.sleep(60_000); // an engine that never answers
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return io.p4n4.api.score.ApplyOutcome.failed("interrupted");
            }

            @Override
            public void remove(String d) {
            }

            @Override
            public List<io.p4n4.api.score.DeployedScore> deployed() {
                return List.of();
            }
        };
        publisher.publish(List.of("dev1"), "app", web("nginx:1"));
        agent = DeviceAgent.builder().topology(Topology.ofThisMachine("dev1", "none")).store(store)
                .interpreter(stuck).shutdownTimeout(Duration.ofSeconds(1)).build().start();
        assertThat(applying.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        long start = System.nanoTime();
        agent.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(agent.state()).isEqualTo(AgentState.SHUTDOWN);
    }
}
