package io.p4n4.examples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.agent.events.AgentEvent;
import io.p4n4.agent.events.AgentEventListener;
import io.p4n4.api.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceAgentMainTest {

    @TempDir
    Path dir;

    @Test
    void badConfigExitsWithTheUserCode() throws Exception {
        Path config = dir.resolve("bad.toml");
        Files.writeString(config, "[agent]\n");
        assertThat(DeviceAgentMain.run(new String[] {"--config", config.toString()}))
                .isEqualTo(ErrorCode.USER.exitCode());
    }

    @Test
    void anUnknownLogFormatIsAUserError() throws Exception {
        Path config = dir.resolve("bad.toml");
        Files.writeString(config, "[agent]\n");
        assertThat(DeviceAgentMain.run(new String[] {"--log-format", "xml", "--config", config.toString()}))
                .isEqualTo(ErrorCode.USER.exitCode());
    }

    @Test
    void logFormatJsonWritesEachAgentEventAsOneJsonLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AgentEventListener json = DeviceAgentMain.listener(DeviceAgentMain.LogFormat.JSON,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        json.onEvent(new AgentEvent(Instant.parse("2026-12-03T18:00:00Z"), AgentEvent.Level.WARN, "pi-1", "web",
                AgentEvent.REJECTED, ErrorCode.VALIDATION, "not signed"));
        json.onEvent(new AgentEvent(Instant.parse("2026-12-03T18:00:01Z"), AgentEvent.Level.INFO, "pi-1", null,
                AgentEvent.AGENT_ACTIVE, null, "reconciling"));

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertThat(first.toString()).isEqualTo("{\"time\":\"2026-12-03T18:00:00Z\",\"level\":\"warn\",\"device\":\"pi-1\","
                + "\"deployment\":\"web\",\"event\":\"rejected\",\"error_code\":\"VALIDATION\",\"message\":\"not signed\"}");
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertThat(second.get("deployment").isNull()).isTrue();
        assertThat(second.get("error_code").isNull()).isTrue();
        assertThat(DeviceAgentMain.listener(DeviceAgentMain.LogFormat.TEXT, System.out)).isSameAs(AgentEventListener.NONE);
    }
}
