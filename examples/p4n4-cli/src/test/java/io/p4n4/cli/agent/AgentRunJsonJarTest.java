package io.p4n4.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.cli.Main;
import io.p4n4.testkit.nats.NatsServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 --json agent run --dry-run} from the built jar against a real nats-server: each agent event is one
 * JSON line on standard output while it runs (started, the Score published to it applied, stopped on SIGTERM).
 *
 * <p>Runs in the {@code integration-test} phase, once the jar exists (see the module's POM).
 */
class AgentRunJsonJarTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void eventsAreJsonLinesAsTheyHappen(@NatsServer String nats) throws Exception {
        String jar = System.getProperty("p4n4.cli.jar", "");
        assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)), "the jar is built before integration-test");
        Path config = Files.writeString(dir.resolve("agent.toml"), "[agent]\ndevice_id = \"pi-7\"\nstate_dir = \""
                + dir.resolve("state") + "\"\n[nats]\nurls = [\"" + nats + "\"]\n");
        Path score = Files.writeString(dir.resolve("hello.json"), "{\"type\":\"PodmanV0\",\"data\":{\"services\":"
                + "[{\"name\":\"hello\",\"image\":\"docker.io/library/nginx:alpine\"}]}}");
        Process agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--json", "agent", "run", "--dry-run", "--config", config.toString())
                .redirectError(dir.resolve("agent.err").toFile()).start();
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(agent.getInputStream(),
                StandardCharsets.UTF_8))) {
            events.add(next(out, "agent_started"));
            StringWriter err = new StringWriter();
            int published = Main.run(new String[] {"score", "publish", "--nats", nats, "--device", "pi-7", "--name",
                "hello", score.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));
            assertThat(published).as(err.toString()).isZero();
            JsonNode applied = next(out, "applied");
            assertThat(applied.get("device").asText()).isEqualTo("pi-7");
            assertThat(applied.get("deployment").asText()).isEqualTo("hello");
            assertThat(applied.get("level").asText()).isEqualTo("info");
            assertThat(applied.has("error_code")).isTrue();
            assertThat(applied.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            agent.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
            assertThat(next(out, "agent_stopped").get("device").asText()).isEqualTo("pi-7");
        } finally {
            agent.destroyForcibly();
            assertThat(agent.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** Reads JSON lines until one of {@code event}; every line read must be a whole JSON object. */
    private static JsonNode next(BufferedReader out, String event) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            JsonNode node = new ObjectMapper().readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            if (node.get("event").asText().equals(event)) {
                return node;
            }
        }
        throw new AssertionError("the agent's output ended before a '" + event + "' event");
    }
}
