package io.p4n4.agent.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.score.AgentState;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.nats.NatsServer;
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
    void dryRunAgentFromATomlFileReportsActiveInNats(@NatsServer String url) throws Exception {
        Path config = dir.resolve("config.toml");
        Files.writeString(config, "[agent]\ndevice_id = \"pi-9\"\nstate_dir = \"" + dir.resolve("state")
                + "\"\n[credentials]\ntype = \"none\"\n[nats]\nurls = [\""
                + url + "\"]\n");
        try (AgentLauncher launcher = AgentLauncher.startDryRun(AgentConfigLoader.load(config), Map.of());
                NatsDesiredStateStore reader = NatsDesiredStateStore.builder().servers(List.of(url)).connect()) {
            Waits.within(Duration.ofSeconds(15)).alias("pi-9 reporting ACTIVE").until(() -> reader.findStatus("pi-9")
                    .map(AgentStatusJson::read).map(s -> s.state() == AgentState.ACTIVE).orElse(false));
            assertThat(launcher.agent().health().healthy()).isTrue();
        }
    }
}
