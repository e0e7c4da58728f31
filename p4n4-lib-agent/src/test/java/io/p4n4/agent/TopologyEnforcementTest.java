package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.api.score.InterpreterPlatform;
import io.p4n4.api.score.Score;
import io.p4n4.api.score.ScoreType;
import io.p4n4.api.score.Topology;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.testkit.await.Waits;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An agent applies a Score only with an interpreter whose declared platform (architecture, runtime) matches
 * the device's topology; a mismatch rejects that deployment, naming each field with what is wanted and what
 * the device has, and every other deployment keeps running.
 */
class TopologyEnforcementTest {
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(5), Duration.ofMillis(10));

    /** A second Score type, so one interpreter can refuse while another runs. */
    public record NoteV0(String text) implements Score {
        static final ScoreType<NoteV0> TYPE = ScoreType.of("NoteV0", NoteV0.class);

        @Override
        public String type() {
            return "NoteV0";
        }
    }

    private final InMemoryDesiredStateStore store = new InMemoryDesiredStateStore();
    private final ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.of(List.of(PodmanV0Score.TYPE, NoteV0.TYPE)));
    private final ScorePublisher publisher = ScorePublisher.create(store, codec, null);
    /** A Raspberry Pi running Podman: the JVM says aarch64, engines say arm64. */
    private final Topology pi = new Topology("pi-1", "aarch64", "linux", "podman");
    private DeviceAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private DeviceAgent start(RecordingScoreInterpreter<?>... interpreters) {
        DeviceAgent.Builder builder = DeviceAgent.builder().topology(pi).store(store).codec(codec)
                .relistInterval(Duration.ofMillis(200));
        for (RecordingScoreInterpreter<?> interpreter : interpreters) {
            builder.interpreter(interpreter);
        }
        agent = builder.build().start();
        return agent;
    }

    @Test
    void aScoreWhoseInterpreterRunsAnotherArchitectureAndRuntimeIsRejectedNamingBothAndOthersRun() {
        var x86Docker = RecordingScoreInterpreter.of(PodmanV0Score.TYPE,
                new InterpreterPlatform("x86_64", "docker", "Docker Engine 27.3.1 at unix:///var/run/docker.sock"));
        var notes = RecordingScoreInterpreter.of(NoteV0.TYPE,
                new InterpreterPlatform("arm64", "podman", "Podman Engine 5.0.3 at unix:///run/podman/podman.sock"));
        publisher.publish(List.of("pi-1"), "web", PodmanV0Score.of(PodmanService.of("web", "nginx:1")));
        publisher.publish(List.of("pi-1"), "motd", new NoteV0("hello"));

        start(x86Docker, notes);
        WAIT.until(() -> agent.status().deployments().size() == 2);

        DeploymentStatus web = agent.status().deployments().get("web");
        assertThat(web.state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(web.message())
                .contains("Score type PodmanV0 cannot run on device pi-1")
                .contains("architecture: wants amd64, the device has arm64")
                .contains("runtime: wants docker, the device has podman")
                .contains("Docker Engine 27.3.1 at unix:///var/run/docker.sock");
        assertThat(x86Docker.calls()).isEmpty();
        assertThat(agent.status().deployments().get("motd").state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(notes.applyCount()).isEqualTo(1);
        WAIT.until(() -> store.findStatus("pi-1").map(s -> s.contains("wants docker")).orElse(false));
    }

    @Test
    void aRejectedScoreIsNotRetriedAtEveryRelist() {
        var x86 = RecordingScoreInterpreter.of(PodmanV0Score.TYPE, new InterpreterPlatform("amd64", "podman", "x86 box"));
        publisher.publish(List.of("pi-1"), "web", PodmanV0Score.of(PodmanService.of("web", "nginx:1")));
        start(x86);
        WAIT.until(() -> agent.status().deployments().containsKey("web"));

        assertThat(agent.reconcileNow(Duration.ofSeconds(5))).isTrue();
        assertThat(agent.reconcileNow(Duration.ofSeconds(5))).isTrue();
        DeploymentStatus web = agent.status().deployments().get("web");
        assertThat(web.state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(web.message()).contains("architecture: wants amd64, the device has arm64")
                .doesNotContain("runtime:");
        assertThat(x86.calls()).isEmpty();
    }

    @Test
    void anInterpreterThatCannotTellWhatItRunsFailsTheDeploymentUntilItCan() {
        var flaky = new FlakyPlatformInterpreter();
        publisher.publish(List.of("pi-1"), "web", PodmanV0Score.of(PodmanService.of("web", "nginx:1")));
        agent = DeviceAgent.builder().topology(pi).store(store).codec(codec).interpreter(flaky)
                .relistInterval(Duration.ofMillis(100)).build().start();
        WAIT.until(() -> agent.status().deployments().containsKey("web"));
        assertThat(agent.status().deployments().get("web").state()).isEqualTo(DeploymentState.FAILED);
        assertThat(agent.status().deployments().get("web").message()).contains("engine does not answer");

        flaky.answering = true;
        WAIT.until(() -> agent.status().deployments().get("web").state() == DeploymentState.RUNNING);
    }

    /** Declares arm64/podman once its engine answers; until then platform() throws as an engine client would. */
    private static final class FlakyPlatformInterpreter implements io.p4n4.api.spi.ScoreInterpreter<PodmanV0Score> {
        private final RecordingScoreInterpreter<PodmanV0Score> inner = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
        volatile boolean answering;

        @Override
        public String id() {
            return "flaky";
        }

        @Override
        public ScoreType<PodmanV0Score> scoreType() {
            return PodmanV0Score.TYPE;
        }

        @Override
        public InterpreterPlatform platform() {
            if (!answering) {
                throw new io.p4n4.api.P4n4Exception(io.p4n4.api.ErrorCode.ENGINE, "podman: engine does not answer");
            }
            return new InterpreterPlatform("arm64", "podman", "Podman");
        }

        @Override
        public io.p4n4.api.score.ApplyOutcome apply(String deployment, PodmanV0Score score, String hash,
                Topology topology) {
            return inner.apply(deployment, score, hash, topology);
        }

        @Override
        public void remove(String deployment) {
            inner.remove(deployment);
        }

        @Override
        public List<io.p4n4.api.score.DeployedScore> deployed() {
            return inner.deployed();
        }
    }
}
