package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.api.score.Topology;
import io.p4n4.agent.internal.GenerationLedger;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScorePublisher.Change;
import io.p4n4.agent.score.ScorePublisher.Result;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.agent.score.TrustedKeySet;
import io.p4n4.testkit.await.Waits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With trusted keys, what a signature is bound to: the key it was signed for, a generation above the
 * highest applied (surviving restarts), an expiry, and signed tombstones instead of raw deletes.
 */
class SignedScoreAgentTest {
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(5), Duration.ofMillis(10));

    @TempDir
    Path stateDir;

    private final InMemoryDesiredStateStore store = new InMemoryDesiredStateStore();
    private final RecordingScoreInterpreter<PodmanV0Score> interpreter = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);
    private final KeyPair pair = ScoreSigner.generateKeyPair();
    private final ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());
    private final ScorePublisher signing = ScorePublisher.create(store, codec, ScoreSigner.of(codec, pair));
    private DeviceAgent agent;

    private DeviceAgent start() {
        agent = DeviceAgent.builder().topology(Topology.ofThisMachine("dev1", "none")).store(store)
                .interpreter(interpreter).trustedKeys(TrustedKeySet.of(List.of(pair.getPublic())))
                .stateDirectory(stateDir).relistInterval(Duration.ofMillis(200))
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

    private String image(String deployment) {
        PodmanV0Score score = interpreter.scoreOf(deployment);
        return score == null ? null : score.services().get(0).image();
    }

    private DeploymentStatus status(String deployment) {
        return agent.status().deployments().get(deployment);
    }

    @Test
    void aScoreCopiedToAnotherDeploymentOrFromAnotherDeviceIsRejected() {
        signing.publish(List.of("dev1"), "app", web("nginx:1"));
        signing.publish(List.of("dev2"), "app", web("evil:1"));
        // replays: dev1's own Score under another deployment, dev2's Score under dev1's keys
        store.compareAndSet("dev1", "copy", store.find("dev1", "app").orElseThrow().value(), 0);
        store.compareAndSet("dev1", "stolen", store.find("dev2", "app").orElseThrow().value(), 0);
        start();
        WAIT.until(() -> agent.status().deployments().size() == 3);

        assertThat(status("app").state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(status("copy").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status("copy").message()).contains("desired-state/dev1.copy was signed for desired-state/dev1.app");
        assertThat(status("stolen").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status("stolen").message()).contains("was signed for desired-state/dev2.app");
        assertThat(interpreter.deployed()).extracting(d -> d.deployment()).containsExactly("app");
    }

    @Test
    void anOlderGenerationWrittenBackIsRejectedAlsoAfterARestart() throws Exception {
        signing.publish(List.of("dev1"), "app", web("nginx:1"));
        String generation1 = store.find("dev1", "app").orElseThrow().value();
        start();
        WAIT.until(() -> "nginx:1".equals(image("app")));
        assertThat(signing.publish(List.of("dev1"), "app", web("nginx:2")).get(0).generation()).isEqualTo(2);
        WAIT.until(() -> "nginx:2".equals(image("app")));

        store.compareAndSet("dev1", "app", generation1, store.find("dev1", "app").orElseThrow().revision());
        WAIT.until(() -> status("app").state() == DeploymentState.REJECTED);
        assertThat(status("app").message()).contains("generation 1, not above generation 2");
        assertThat(image("app")).isEqualTo("nginx:2");

        agent.close();
        start();
        assertThat(agent.reconcileNow(Duration.ofSeconds(5))).isTrue();
        assertThat(status("app").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(image("app")).isEqualTo("nginx:2");
        assertThat(interpreter.applyCount()).isEqualTo(2);
        Path ledger = stateDir.resolve(GenerationLedger.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ledger))).isEqualTo("rw-------");
        assertThat(Files.readString(ledger)).contains("\"dev1.app\"").contains("\"generation\" : 2");
    }

    @Test
    void theSameGenerationIsAdoptedAfterARestartNotRefused() {
        signing.publish(List.of("dev1"), "app", web("nginx:1"));
        start();
        WAIT.until(() -> "nginx:1".equals(image("app")));
        agent.close();
        start();
        assertThat(agent.reconcileNow(Duration.ofSeconds(5))).isTrue();
        assertThat(status("app").state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(interpreter.applyCount()).isEqualTo(1);
    }

    @Test
    void anExpiredScoreIsRejectedAndAnUnexpiredOneApplies() {
        Clock dayAgo = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        signing.expiringAfter(Duration.ofHours(1)).withClock(dayAgo).publish(List.of("dev1"), "old", web("nginx:1"));
        signing.expiringAfter(Duration.ofHours(1)).publish(List.of("dev1"), "fresh", web("nginx:1"));
        start();
        WAIT.until(() -> agent.status().deployments().size() == 2);

        assertThat(status("old").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status("old").message()).contains("desired-state/dev1.old (generation 1) expired at");
        assertThat(status("fresh").state()).isEqualTo(DeploymentState.RUNNING);
    }

    @Test
    void aScoreIssuedFurtherAheadThanTheClockSkewToleranceIsRejected() {
        Clock hourAhead = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        Clock twoMinutesAhead = Clock.fixed(Instant.now().plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
        signing.withClock(hourAhead).publish(List.of("dev1"), "future", web("nginx:1"));
        signing.withClock(twoMinutesAhead).publish(List.of("dev1"), "skewed", web("nginx:1"));
        start();
        WAIT.until(() -> agent.status().deployments().size() == 2);

        assertThat(status("future").state()).isEqualTo(DeploymentState.REJECTED);
        assertThat(status("future").message()).contains("desired-state/dev1.future (generation 1) was issued at")
                .contains("plus the allowed clock skew of PT5M").contains("check the clocks");
        assertThat(status("skewed").state()).isEqualTo(DeploymentState.RUNNING);
        assertThat(interpreter.deployed()).extracting(d -> d.deployment()).containsExactly("skewed");
    }

    @Test
    void aRawDeleteIsReportedAndWhatRunsKeepsRunningUntilASignedTombstone() {
        signing.publish(List.of("dev1"), "app", web("nginx:1"));
        start();
        WAIT.until(() -> "nginx:1".equals(image("app")));

        store.delete("dev1", "app");
        WAIT.until(() -> status("app").state() == DeploymentState.REJECTED);
        assertThat(status("app").message()).contains("dev1.app was deleted or purged without a signed tombstone");
        assertThat(agent.reconcileNow(Duration.ofSeconds(5))).isTrue();
        assertThat(image("app")).isEqualTo("nginx:1");
        assertThat(status("app").state()).isEqualTo(DeploymentState.REJECTED);

        // after a restart the agent still knows it runs something nobody signed away
        agent.close();
        start();
        assertThat(agent.reconcileNow(Duration.ofSeconds(5))).isTrue();
        assertThat(image("app")).isEqualTo("nginx:1");
        assertThat(status("app").message()).contains("without a signed tombstone")
                .contains("above generation 1: p4n4 score delete --sign-key FILE --min-generation 2");

        // the store no longer shows generation 1, so a tombstone starts at 1 again and is refused;
        // one above what the status names removes the deployment
        assertThat(signing.delete(List.of("dev1"), "app")).extracting(Result::change).containsExactly(Change.DELETED);
        WAIT.until(() -> status("app").message().contains("not above"));
        assertThat(status("app").message()).contains("generation 1, not above generation 1");
        assertThat(image("app")).isEqualTo("nginx:1");
        assertThat(signing.minimumGeneration(2).delete(List.of("dev1"), "app")).extracting(Result::change)
                .containsExactly(Change.DELETED);
        WAIT.until(() -> interpreter.deployed().isEmpty());
        assertThat(agent.status().deployments()).doesNotContainKey("app");
    }

    @Test
    void aSignedTombstoneRemovesTheDeploymentAndIsNotReplayable() {
        signing.publish(List.of("dev1"), "app", web("nginx:1"));
        String generation1 = store.find("dev1", "app").orElseThrow().value();
        start();
        WAIT.until(() -> "nginx:1".equals(image("app")));

        assertThat(signing.delete(List.of("dev1"), "app")).extracting(Result::change).containsExactly(Change.DELETED);
        WAIT.until(() -> interpreter.deployed().isEmpty());
        assertThat(agent.status().deployments()).doesNotContainKey("app");
        assertThat(signing.delete(List.of("dev1"), "app")).extracting(Result::change)
                .containsExactly(Change.UNCHANGED); // already a tombstone

        store.compareAndSet("dev1", "app", generation1, store.find("dev1", "app").orElseThrow().revision());
        WAIT.until(() -> status("app") != null && status("app").state() == DeploymentState.REJECTED);
        assertThat(status("app").message()).contains("generation 1, not above generation 2");
        assertThat(interpreter.deployed()).isEmpty();
    }

    @Test
    void oldFormatSignaturesAndUnsignedScoresAreRefusedWithWhatToDo() {
        store.compareAndSet("dev1", "plain", codec.encode(web("nginx:1")), 0);
        store.compareAndSet("dev1", "old", codec.encode(web("nginx:1")).replaceFirst("}$",
                ",\"signature\":{\"alg\":\"Ed25519\",\"key\":\"0011223344556677\",\"value\":\"AAAA\"}}"), 0);
        start();
        WAIT.until(() -> agent.status().deployments().size() == 2);

        assertThat(status("plain").message()).contains("is not signed and this agent only accepts Scores signed by");
        assertThat(status("old").message()).contains("signed in the old format")
                .contains("re-publish it with 'p4n4 score publish --sign-key'");
        assertThat(interpreter.deployed()).isEmpty();
    }

    @Test
    void trustedKeysWithoutAStateDirectoryOrWithAnUnreadableLedgerDoNotStart() throws Exception {
        var builder = DeviceAgent.builder().topology(Topology.ofThisMachine("dev1", "none")).store(store)
                .interpreter(interpreter).trustedKeys(TrustedKeySet.of(List.of(pair.getPublic())));
        assertThatThrownBy(builder::build).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("needs a state directory");
        Files.writeString(stateDir.resolve(GenerationLedger.FILE_NAME), "{torn");
        assertThatThrownBy(() -> builder.stateDirectory(stateDir).build()).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("generations.json cannot be read");
    }
}
