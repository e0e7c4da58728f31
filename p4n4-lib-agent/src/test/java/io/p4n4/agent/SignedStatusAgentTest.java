package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.agent.identity.DeviceIdentity;
import io.p4n4.agent.identity.StatusVerification;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.api.score.AgentState;
import io.p4n4.api.score.Topology;
import io.p4n4.testkit.await.Waits;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent with a state directory signs every status report with the identity it keeps there across restarts. */
class SignedStatusAgentTest {
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(5), Duration.ofMillis(10));

    @TempDir
    Path stateDir;
    private final InMemoryDesiredStateStore store = new InMemoryDesiredStateStore();

    private DeviceAgent start(Path state) {
        DeviceAgent.Builder builder = DeviceAgent.builder().topology(Topology.ofThisMachine("dev1", "none"))
                .store(store).interpreter(RecordingScoreInterpreter.of(PodmanV0Score.TYPE));
        if (state != null) {
            builder.stateDirectory(state);
        }
        return builder.build().start();
    }

    private StatusVerification storedStatus(String pinned) {
        return StatusVerification.verify(store.findStatus("dev1").orElseThrow(), "dev1", pinned);
    }

    @Test
    void statusReportsAreSignedWithTheSameDeviceKeyAcrossRestarts() {
        String keyId;
        try (DeviceAgent agent = start(stateDir)) {
            keyId = agent.findIdentity().orElseThrow().keyId();
            WAIT.until(() -> store.findStatus("dev1").map(s -> s.contains("ACTIVE")).orElse(false));
            assertThat(storedStatus(keyId).verdict()).isEqualTo(StatusVerification.Verdict.VERIFIED);
        }
        assertThat(AgentStatusJson.read(store.findStatus("dev1").orElseThrow()).state()).isEqualTo(AgentState.SHUTDOWN);

        try (DeviceAgent again = start(stateDir)) {
            assertThat(again.findIdentity().orElseThrow().keyId()).isEqualTo(keyId);
            WAIT.until(() -> store.findStatus("dev1").map(s -> s.contains("ACTIVE")).orElse(false));
            StatusVerification check = storedStatus(keyId);
            assertThat(check.verdict()).isEqualTo(StatusVerification.Verdict.VERIFIED);
            assertThat(check.keyId()).isEqualTo(DeviceIdentity.loadOrCreate(stateDir).keyId());
        }
    }

    @Test
    void withoutAStateDirectoryReportsAreUnsigned() {
        try (DeviceAgent agent = start(null)) {
            WAIT.until(() -> store.findStatus("dev1").map(s -> s.contains("ACTIVE")).orElse(false));
            assertThat(agent.findIdentity()).isEmpty();
            assertThat(storedStatus(null).verdict()).isEqualTo(StatusVerification.Verdict.UNSIGNED);
        }
    }
}
