package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine's refusal, reported by spec accessor, comes back to the user as the compose key they wrote. */
class EngineRefusalsTest {
    @TempDir
    Path dir;

    private ComposeProject load(String appKeys) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, "services:\n  app:\n    image: busybox\n" + appKeys);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName("demo").environment(Map.of()).build());
    }

    @Test
    void accessorsMapToComposeKeys() throws IOException {
        ComposeProject p = load("    mac_address: 02:42:ac:11:00:02\n");

        assertThat(EngineRefusals.composeKeys(p.service("app"), "macAddress")).containsExactly("mac_address");
        assertThat(EngineRefusals.composeKeys(p.service("app"), "findMacAddress")).containsExactly("mac_address");
        assertThat(EngineRefusals.composeKeys(p.service("app"), "healthcheck.startInterval"))
                .containsExactly("healthcheck.start_interval");
        assertThat(EngineRefusals.composeKeys(p.service("app"), "exposedPorts")).containsExactly("expose");
        assertThat(EngineRefusals.composeKeys(p.service("app"), "somethingNew"))
                .containsExactly("the setting somethingNew");
    }

    @Test
    void aResourceIsNamedByTheKeyTheServiceActuallySets() throws IOException {
        ComposeProject viaDeploy = load("    deploy:\n      resources:\n        limits:\n          memory: 1g\n");
        ComposeProject viaMemLimit = load("    mem_limit: 1g\n");

        assertThat(EngineRefusals.composeKeys(viaDeploy.service("app"), "resources.memoryBytes"))
                .containsExactly("deploy.resources.limits.memory");
        assertThat(EngineRefusals.composeKeys(viaMemLimit.service("app"), "memoryBytes"))
                .containsExactly("mem_limit");
    }
}
