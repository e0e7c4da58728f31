package io.p4n4.core.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.env.DotEnv;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compose files init writes load with the compose-spec loader (schema, interpolation) as they are. */
class GeneratedComposeTest {
    @TempDir
    Path tmp;

    @Test
    void everyStackLoadsWithTheRootEnvFile() {
        P4n4 p4n4 = P4n4.builder().environment(Map.of()).build();
        Project p = p4n4.projectService().init(InitOptions.of(tmp.resolve("Demo Site"), StackId.bundled()));
        Path env = p.directory().resolve(".env");
        Map<String, String> values = DotEnv.read(env, k -> null);
        for (StackId id : StackId.bundled()) {
            ComposeProject compose = ComposeLoader.load(LoadOptions.builder().file(p.composeFile(id)).envFile(env)
                    .environment(Map.of()).build());
            assertThat(compose.name()).isEqualTo("demo-site-" + id);
            assertThat(compose.networks()).containsKey("p4n4-net");
            assertThat(compose.services().keySet())
                    .containsExactlyInAnyOrderElementsOf(p4n4.stacks().get(id).services());
        }
        ComposeProject iot = ComposeLoader.load(LoadOptions.builder().file(p.composeFile(StackId.IOT)).envFile(env)
                .environment(Map.of()).build());
        assertThat(iot.environment()).containsEntry("INFLUXDB_ADMIN_TOKEN", values.get("INFLUXDB_ADMIN_TOKEN"));
        assertThat(iot.service("influxdb").toString()).doesNotContain(values.get("INFLUXDB_ADMIN_TOKEN"));
    }
}
