package io.p4n4.agent.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.p4n4.agent.DeviceAgent;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.agent.score.TrustedKeySet;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.api.score.Topology;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServer;
import io.p4n4.testkit.nats.NatsServerProcess;
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
 * Replay, rollback and raw delete/purge of signed Scores through a real nats-server's JetStream KV,
 * written the way an attacker with write access to the bucket would: raw KV operations.
 */
class SignedScoresOnNatsTest {

    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(15), Duration.ofMillis(20));

    @TempDir
    Path stateDir;

    @NatsServer
    private NatsServerProcess server;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
    private final KeyPair pair = ScoreSigner.generateKeyPair();
    private final ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());
    private NatsDesiredStateStore publisherStore;
    private ScorePublisher signing;
    private DeviceAgent agent;

    @BeforeEach
    void connect() {
        publisherStore = store();
        signing = ScorePublisher.create(publisherStore, codec, ScoreSigner.of(codec, pair));
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

    private void startAgent() {
        agent = DeviceAgent.builder().topology(Topology.ofThisMachine("pi-1", "none")).store(store())
                .interpreter(interpreter).trustedKeys(TrustedKeySet.of(List.of(pair.getPublic())))
                .stateDirectory(stateDir).relistInterval(Duration.ofSeconds(30))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(500)).build().start();
        toClose.add(agent);
    }

    private static PodmanV0Score web(String image) {
        return PodmanV0Score.of(PodmanService.of("web", image));
    }

    private String image(String deployment) {
        PodmanV0Score score = interpreter.scoreOf(deployment);
        return score == null ? null : score.services().get(0).image();
    }

    private DeploymentStatus status(String deployment) {
        return agent.status().deployments().get(deployment);
    }

    private String raw(String key) {
        return publisherStore.find(key.split("\\.")[0], key.split("\\.")[1]).orElseThrow().value();
    }

    @Test
    void replayedToAnotherDeviceKeyOrDeploymentIsRejected() {
        signing.publish(List.of("pi-1"), "app", web("nginx:1"));
        signing.publish(List.of("pi-2"), "app", web("evil:1"));
        startAgent();
        WAIT.until(() -> "nginx:1".equals(image("app")));

        publisherStore.compareAndSet("pi-1", "copy", raw("pi-1.app"), 0);
        publisherStore.compareAndSet("pi-1", "stolen", raw("pi-2.app"), 0);
        WAIT.until(() -> status("copy") != null && status("stolen") != null);

        assertThat(status("copy").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status("copy").message()).contains("was signed for desired-state/pi-1.app");
        assertThat(status("stolen").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status("stolen").message()).contains("was signed for desired-state/pi-2.app");
        assertThat(interpreter.deployed()).extracting(d -> d.deployment()).containsExactly("app");
    }

    @Test
    void anOlderGenerationWrittenBackIsRejected() {
        signing.publish(List.of("pi-1"), "app", web("nginx:1"));
        String generation1 = raw("pi-1.app");
        signing.publish(List.of("pi-1"), "app", web("nginx:2"));
        startAgent();
        WAIT.until(() -> "nginx:2".equals(image("app")));

        publisherStore.compareAndSet("pi-1", "app", generation1, publisherStore.find("pi-1", "app").orElseThrow()
                .revision());
        WAIT.until(() -> status("app").state() == DeploymentState.REJECTED);
        assertThat(status("app").message()).contains("generation 1, not above generation 2");
        assertThat(image("app")).isEqualTo("nginx:2");

        // the publisher reads the stored generation (1, the rolled-back one): its write is refused as
        // well until it passes what the device saw; then it applies
        assertThat(signing.minimumGeneration(3).publish(List.of("pi-1"), "app", web("nginx:3")).get(0).generation())
                .isEqualTo(3);
        WAIT.until(() -> "nginx:3".equals(image("app")));
    }

    @Test
    void rawDeleteAndPurgeAreReportedAndWhatRunsKeepsRunning() throws Exception {
        signing.publish(List.of("pi-1"), "deleted", web("nginx:1"));
        signing.publish(List.of("pi-1"), "purged", web("nginx:1"));
        signing.publish(List.of("pi-1"), "tombstoned", web("nginx:1"));
        startAgent();
        WAIT.until(() -> interpreter.deployed().size() == 3);

        Connection nats = Nats.connect(server.url()); // not try-with-resources: close() throws InterruptedException
        try {
            nats.keyValue(NatsDesiredStateStore.DESIRED_STATE_BUCKET).delete("pi-1.deleted");
            nats.keyValue(NatsDesiredStateStore.DESIRED_STATE_BUCKET).purge("pi-1.purged");
        } finally {
            nats.close();
        }
        signing.delete(List.of("pi-1"), "tombstoned");
        WAIT.until(() -> status("deleted").state() == DeploymentState.REJECTED
                && status("purged").state() == DeploymentState.REJECTED && status("tombstoned") == null);

        assertThat(status("deleted").message()).contains("desired-state/pi-1.deleted was deleted or purged without"
                + " a signed tombstone");
        assertThat(status("purged").message()).contains("pi-1.purged was deleted or purged without");
        assertThat(agent.reconcileNow(Duration.ofSeconds(10))).isTrue();
        assertThat(interpreter.deployed()).extracting(d -> d.deployment()).containsExactly("deleted", "purged");
    }
}
