package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.agent.events.AgentEvent;
import io.p4n4.agent.events.JsonLinesEventLog;
import io.p4n4.agent.score.PodmanService;
import io.p4n4.agent.score.PodmanV0Score;
import io.p4n4.agent.score.RecordingScoreInterpreter;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.ApplyOutcome;
import io.p4n4.api.score.DeployedScore;
import io.p4n4.api.score.InterpreterPlatform;
import io.p4n4.api.score.ScoreType;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.testkit.await.Waits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

/**
 * An agent logging through {@link JsonLinesEventLog}: every line is one JSON object with time, level, device,
 * deployment, event, error code and message, for applied, rejected and failed deployments and for the store
 * going away; values from Scores' {@code env} never appear.
 */
class JsonLinesEventLogTest {
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(5), Duration.ofMillis(10));
    private static final String SECRET = "s3cr3t-db-password-4711";
    private static final List<String> FIELDS = List.of("time", "level", "device", "deployment", "event", "error_code",
            "message");

    private final InMemoryDesiredStateStore store = new InMemoryDesiredStateStore();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    /** Records applies like the recording interpreter, but the engine refuses deployment {@code boom}. */
    private static final class RefusingInterpreter implements ScoreInterpreter<PodmanV0Score> {
        private final RecordingScoreInterpreter<PodmanV0Score> inner = RecordingScoreInterpreter.of(PodmanV0Score.TYPE);

        @Override
        public String id() {
            return "refusing";
        }

        @Override
        public ScoreType<PodmanV0Score> scoreType() {
            return PodmanV0Score.TYPE;
        }

        @Override
        public InterpreterPlatform platform() {
            return InterpreterPlatform.anywhere("test engine");
        }

        @Override
        public ApplyOutcome apply(String deployment, PodmanV0Score score, String hash, Topology topology) {
            if (deployment.equals("boom")) {
                throw new P4n4Exception(ErrorCode.ENGINE, "podman: image 'nope:1' not found: pull it or fix the name");
            }
            return inner.apply(deployment, score, hash, topology);
        }

        @Override
        public void remove(String deployment) {
            inner.remove(deployment);
        }

        @Override
        public List<DeployedScore> deployed() {
            return inner.deployed();
        }
    }

    private List<JsonNode> lines() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(json.readTree(line)); // each line parses on its own
            }
        }
        return out;
    }

    private JsonNode event(String deployment, String event) throws Exception {
        return lines().stream().filter(l -> l.get("event").asText().equals(event)
                && l.get("deployment").asText().equals(deployment)).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + event + " event for " + deployment + " in:\n" + bytes.toString(StandardCharsets.UTF_8)));
    }

    private boolean logged(String deployment, String event) throws Exception {
        return lines().stream().anyMatch(l -> l.get("event").asText().equals(event)
                && l.get("deployment").asText().equals(deployment));
    }

    @Test
    void appliedRejectedAndFailedDeploymentsAreOneJsonObjectPerLineWithEveryField() throws Exception {
        ScorePublisher publisher = ScorePublisher.create(store);
        publisher.publish(List.of("dev1"), "web", PodmanV0Score.of(PodmanService.of("web", "nginx:1")
                .withEnv(Map.of("DB_PASSWORD", SECRET))));
        publisher.publish(List.of("dev1"), "boom", PodmanV0Score.of(PodmanService.of("web", "nope:1")
                .withEnv(Map.of("DB_PASSWORD", SECRET))));
        store.compareAndSet("dev1", "bad", "{\"type\":\"PodmanV0\",\"data\":{\"services\":[{\"name\":\"x\","
                + "\"env\":{\"DB_PASSWORD\":\"" + SECRET + "\"}}]}}", 0);

        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                DeviceAgent agent = DeviceAgent.builder().topology(Topology.ofThisMachine("dev1", "podman")).store(store)
                        .interpreter(new RefusingInterpreter()).eventListener(JsonLinesEventLog.to(out))
                        .relistInterval(Duration.ofMillis(200)).backoff(Duration.ofMillis(20), Duration.ofMillis(50))
                        .build().start()) {
            WAIT.until(() -> logged("web", AgentEvent.APPLIED) && logged("bad", AgentEvent.REJECTED)
                    && logged("boom", AgentEvent.APPLY_FAILED) && agent.health().running() == 1);
            store.down = true;
            WAIT.until(() -> lines().stream().anyMatch(l -> l.get("event").asText().equals(AgentEvent.STORE_UNREACHABLE)));
            store.down = false;
        }

        for (JsonNode line : lines()) {
            assertThat(line.properties()).extracting(Map.Entry::getKey).containsExactlyElementsOf(FIELDS);
            assertThat(line.get("device").asText()).isEqualTo("dev1");
            assertThat(java.time.Instant.parse(line.get("time").asText())).isNotNull();
        }
        JsonNode applied = event("web", AgentEvent.APPLIED);
        assertThat(applied.get("level").asText()).isEqualTo("info");
        assertThat(applied.get("error_code").isNull()).isTrue();
        JsonNode rejected = event("bad", AgentEvent.REJECTED);
        assertThat(rejected.get("level").asText()).isEqualTo("warn");
        assertThat(rejected.get("error_code").asText()).isEqualTo("VALIDATION");
        assertThat(rejected.get("message").asText()).contains("image");
        JsonNode failed = event("boom", AgentEvent.APPLY_FAILED);
        assertThat(failed.get("level").asText()).isEqualTo("warn");
        assertThat(failed.get("error_code").asText()).isEqualTo("ENGINE");
        assertThat(failed.get("message").asText()).contains("image 'nope:1' not found");
        List<String> agentEvents = lines().stream().filter(l -> l.get("deployment").isNull())
                .map(l -> l.get("event").asText()).toList();
        assertThat(agentEvents).containsSubsequence(AgentEvent.AGENT_STARTED, AgentEvent.AGENT_ACTIVE,
                AgentEvent.STORE_UNREACHABLE, AgentEvent.AGENT_STOPPED);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET);
    }
}
