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
        var creds = (NatsCredentials.UserPassword) TomlCredentialSource.of(file).natsCredentials().orElseThrow();
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
    void everyCredentialKindAndTlsAreReadWithPathsRelativeToTheFile() throws IOException {
        Path token = write("[credentials]\ntype = \"token\"\nnats_token = \"t0k-91\"\n");
        assertThat(TomlCredentialSource.of(token).natsCredentials()).contains(NatsCredentials.token("t0k-91",
                token.toString()));
        assertThat(TomlCredentialSource.of(token).natsCredentials().orElseThrow().toString()).doesNotContain("t0k-91");

        Path nkey = write("[credentials]\ntype = \"nkey\"\nseed_file = \"device.nk\"\n");
        assertThat(TomlCredentialSource.of(nkey).natsCredentials()).contains(NatsCredentials.nkeySeedFile(
                dir.resolve("device.nk"), nkey.toString()));

        Path creds = write("[credentials]\ntype = \"creds\"\ncreds_file = \"/etc/p4n4-agent/device.creds\"\n");
        assertThat(TomlCredentialSource.of(creds).natsCredentials()).contains(NatsCredentials.credsFile(
                Path.of("/etc/p4n4-agent/device.creds"), creds.toString()));

        Path tls = write("[agent]\ndevice_id = \"pi-1\"\n[nats]\nurls = [\"tls://h:4222\"]\n[nats.tls]\n"
                + "ca_file = \"ca.pem\"\ncert_file = \"pi-1.pem\"\nkey_file = \"pi-1.key\"\n");
        assertThat(AgentConfigLoader.load(tls).natsTls()).isEqualTo(new io.p4n4.agent.nats.NatsTls(
                dir.resolve("ca.pem"), dir.resolve("pi-1.pem"), dir.resolve("pi-1.key")));
        Path certWithoutKey = write("[agent]\ndevice_id = \"pi-1\"\n[nats]\nurls = [\"tls://h:4222\"]\n"
                + "[nats.tls]\nca_file = \"ca.pem\"\ncert_file = \"pi-1.pem\"\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(certWithoutKey)).hasMessageContaining("[nats.tls.key_file]")
                .hasMessageContaining("together");
    }

    @Test
    void theEnvironmentNamesCredsNKeyTokenOrUserAndPassword() {
        assertThat(EnvironmentCredentialSource.of(Map.of("NATS_CREDS", "/d.creds", "NATS_USER", "u")).natsCredentials())
                .contains(NatsCredentials.credsFile(Path.of("/d.creds"), "environment NATS_CREDS"));
        assertThat(EnvironmentCredentialSource.of(Map.of("NATS_NKEY", "/d.nk")).natsCredentials())
                .contains(NatsCredentials.nkeySeedFile(Path.of("/d.nk"), "environment NATS_NKEY"));
        assertThat(EnvironmentCredentialSource.of(Map.of("NATS_TOKEN", "tk")).natsCredentials())
                .contains(NatsCredentials.token("tk", "environment NATS_TOKEN"));
    }

    @Test
    void tomlFirstThenEnvironment() throws IOException {
        Path withCreds = write("[credentials]\ntype = \"toml-shared\"\nnats_user = \"u1\"\nnats_pass = \"p1\"\n");
        var env = EnvironmentCredentialSource.of(Map.of("NATS_USER", "u2", "NATS_PASSWORD", "p2"));
        assertThat(CredentialSources.first(List.of(TomlCredentialSource.of(withCreds), env)).orElseThrow())
                .isEqualTo(NatsCredentials.userPassword("u1", "p1", withCreds.toString()));

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
