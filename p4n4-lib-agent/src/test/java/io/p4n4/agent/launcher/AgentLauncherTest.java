package io.p4n4.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.score.AgentState;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.testkit.nats.NatsServerProcess;
import io.p4n4.agent.AgentConfigLoader;
import io.p4n4.agent.AgentStatusJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLauncherTest {

    @TempDir
    Path dir;

    @Test
    void dryRunAgentFromATomlFileReportsActiveInNats() throws Exception {
        var binary = NatsServerProcess.findBinary();
        assumeTrue(binary.isPresent(), "nats-server not installed");
        try (NatsServerProcess server = NatsServerProcess.start(binary.get(), dir.resolve("js"))) {
            Path config = dir.resolve("config.toml");
            Files.writeString(config, "[agent]\ndevice_id = \"pi-9\"\n[credentials]\ntype = \"none\"\n[nats]\nurls = [\""
                    + server.url() + "\"]\n");
            try (AgentLauncher launcher = AgentLauncher.startDryRun(AgentConfigLoader.load(config), Map.of());
                    NatsDesiredStateStore reader = NatsDesiredStateStore.builder().servers(List.of(server.url()))
                            .connect()) {
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (reader.findStatus("pi-9").map(AgentStatusJson::read).map(s -> s.state() != AgentState.ACTIVE)
                        .orElse(true)) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(50);
                }
                assertThat(launcher.agent().health().healthy()).isTrue();
            }
        }
    }
}
