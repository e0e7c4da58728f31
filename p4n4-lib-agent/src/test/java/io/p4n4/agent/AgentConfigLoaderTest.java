package io.p4n4.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.score.NatsCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String toml) throws IOException {
        Path file = dir.resolve("config.toml");
        Files.writeString(file, toml);
        return file;
    }

    @Test
    void readsTheSeedFormat() throws IOException {
        Path file = write("""
                [agent]
                device_id = "pi-demo-01"

                [credentials]
                type = "toml-shared"
                nats_user = "iot-agent"
                nats_pass = "dev-shared-password"

                [nats]
                urls = ["nats://central:4222", "nats://backup:4222"]
                """);

        AgentConfig config = AgentConfigLoader.load(file);

        assertThat(config.deviceId()).isEqualTo("pi-demo-01");
        assertThat(config.natsUrls()).containsExactly("nats://central:4222", "nats://backup:4222");
        assertThat(config.relistInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.trustedKeys()).isEmpty();
        assertThat(config.runtime()).isEqualTo("auto");
        assertThat(config.stateDir()).isEqualTo(AgentConfig.DEFAULT_STATE_DIR);
        NatsCredentials creds = TomlCredentialSource.of(file).natsCredentials().orElseThrow();
        assertThat(creds.user()).isEqualTo("iot-agent");
        assertThat(creds.password()).isEqualTo("dev-shared-password");
        assertThat(creds.toString()).doesNotContain("dev-shared-password");
    }

    @Test
    void missingDeviceIdNamesFileAndKey() throws IOException {
        Path file = write("[agent]\nname = \"x\"\n[nats]\nurls = [\"nats://h:4222\"]\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageStartingWith(file + ":1:1 [agent.device_id]: missing");
    }

    @Test
    void wrongTypeNamesTheLineOfTheKey() throws IOException {
        Path file = write("[agent]\ndevice_id = \"d1\"\nrelist_seconds = \"soon\"\n[nats]\nurls = [\"nats://h:4222\"]\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(file))
                .hasMessageStartingWith(file + ":3:1 [agent.relist_seconds]: must be a whole number");
    }

    @Test
    void syntaxErrorNamesTheLine() throws IOException {
        Path file = write("[agent]\ndevice_id = \"d1\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(file)).isInstanceOf(InvalidFileException.class)
                .hasMessageStartingWith(file + ":2:").hasMessageContaining("not valid TOML");
    }

    @Test
    void badUrlAndBadDeviceIdAreRefused() throws IOException {
        Path badUrl = write("[agent]\ndevice_id = \"d1\"\n[nats]\nurls = [\"http://h\"]\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(badUrl)).hasMessageContaining("[nats.urls]")
                .hasMessageContaining("not a NATS URL");
        Path badId = write("[agent]\ndevice_id = \"pi.01\"\n[nats]\nurls = [\"nats://h:4222\"]\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(badId)).hasMessageContaining("[agent.device_id]")
                .hasMessageContaining("no dots");
    }

    @Test
    void missingFileIsAUserError() {
        assertThatThrownBy(() -> AgentConfigLoader.load(dir.resolve("absent.toml")))
                .isInstanceOfSatisfying(InvalidFileException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("does not exist");
    }

    @Test
    void unknownCredentialTypeIsRefusedWithoutLeakingThePassword() throws IOException {
        Path file = write("[credentials]\ntype = \"vault\"\nnats_pass = \"s3cret-value\"\n");
        assertThatThrownBy(() -> TomlCredentialSource.of(file).natsCredentials())
                .hasMessageContaining("[credentials.type]").hasMessageContaining("unknown credentials type 'vault'")
                .hasMessageNotContaining("s3cret-value");
    }

    @Test
    void tomlFirstThenEnvironment() throws IOException {
        Path withCreds = write("[credentials]\ntype = \"toml-shared\"\nnats_user = \"u1\"\nnats_pass = \"p1\"\n");
        var env = EnvironmentCredentialSource.of(Map.of("NATS_USER", "u2", "NATS_PASSWORD", "p2"));
        assertThat(CredentialSources.first(List.of(TomlCredentialSource.of(withCreds), env)).orElseThrow().user())
                .isEqualTo("u1");

        Path without = dir.resolve("none.toml");
        Files.writeString(without, "[agent]\ndevice_id = \"d\"\n");
        assertThat(CredentialSources.first(List.of(TomlCredentialSource.of(without), env)).orElseThrow().source())
                .isEqualTo("environment");
        assertThat(CredentialSources.first(List.of(TomlCredentialSource.of(without),
                EnvironmentCredentialSource.of(Map.of())))).isEmpty();
    }

    @Test
    void readsTheStateDirectory() throws IOException {
        Path file = write("""
                [agent]
                device_id = "pi-1"
                state_dir = "/srv/agent-state"
                [nats]
                urls = ["nats://central:4222"]
                """);
        assertThat(AgentConfigLoader.load(file).stateDir()).isEqualTo(Path.of("/srv/agent-state"));
    }
}
