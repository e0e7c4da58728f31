package io.p4n4.compose.exec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerFile;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.Mount;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets and configs mounted where compose mounts them, with owner and mode; external ones refused by name. */
class SecretFilesTest {
    private static final String TOKEN = "s3cr3t-token-value";
    @TempDir
    Path dir;

    private ComposeProject load(String yaml) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        Files.writeString(dir.resolve("db-password.txt"), "hunter2\n");
        Files.writeString(dir.resolve("app.ini"), "[app]\nport=80\n");
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName("demo")
                .environment(Map.of("API_TOKEN", TOKEN)).build());
    }

    private ContainerSpec spec(String yaml) throws IOException {
        ComposeProject p = load(yaml);
        return ContainerSpecs.of(p, p.service("app"));
    }

    @Test
    void aFileSecretWithoutOwnerOrModeIsAReadOnlyBindAtRunSecrets() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  app:
                    image: busybox
                    secrets: [db_password]
                secrets:
                  db_password:
                    file: ./db-password.txt
                """);

        assertThat(spec.mounts()).containsExactly(
                Mount.bind(dir.resolve("db-password.txt").toString(), "/run/secrets/db_password").asReadOnly());
        assertThat(spec.files()).isEmpty();
    }

    @Test
    void ownerAndModeWriteTheFileIntoTheContainerInsteadOfIgnoringThem() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  app:
                    image: busybox
                    secrets:
                      - source: db_password
                        target: db
                        uid: "1000"
                        gid: "1001"
                        mode: 0400
                      - source: other
                        target: /etc/other.pw
                        mode: "0440"
                secrets:
                  db_password:
                    file: ./db-password.txt
                  other:
                    file: ./db-password.txt
                """);

        assertThat(spec.mounts()).isEmpty();
        assertThat(spec.files()).containsExactly(
                ContainerFile.of("/run/secrets/db", "hunter2\n".getBytes(StandardCharsets.UTF_8), 1000, 1001, 0400),
                ContainerFile.of("/etc/other.pw", "hunter2\n".getBytes(StandardCharsets.UTF_8), 0, 0, 0440));
    }

    @Test
    void environmentSecretsAndContentConfigsAreWrittenWithComposesDefaults() throws IOException {
        ContainerSpec spec = spec("""
                services:
                  app:
                    image: busybox
                    secrets: [api_token]
                    configs:
                      - motd
                      - source: app_ini
                        target: etc/app.ini
                      - source: from_env
                        target: /cfg/token
                        mode: 0600
                secrets:
                  api_token:
                    environment: API_TOKEN
                configs:
                  motd:
                    content: hello
                  app_ini:
                    file: ./app.ini
                  from_env:
                    environment: API_TOKEN
                """);

        assertThat(spec.files()).containsExactly(
                ContainerFile.of("/run/secrets/api_token", TOKEN.getBytes(StandardCharsets.UTF_8), 0, 0, 0444),
                ContainerFile.of("/motd", "hello".getBytes(StandardCharsets.UTF_8), 0, 0, 0444),
                ContainerFile.of("/cfg/token", TOKEN.getBytes(StandardCharsets.UTF_8), 0, 0, 0600));
        assertThat(spec.mounts()).containsExactly(Mount.bind(dir.resolve("app.ini").toString(), "/etc/app.ini")
                .asReadOnly());
        assertThat(spec.toString()).doesNotContain(TOKEN);
    }

    @Test
    void anExternalSecretIsRefusedByNameBeforeAnythingElse() throws IOException {
        ComposeProject p = load("""
                services:
                  app:
                    image: busybox
                    secrets: [vault]
                secrets:
                  vault:
                    external: true
                """);

        assertThatThrownBy(() -> ContainerSpecs.preview(p, p.service("app"), 1))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app: secret vault is external: true")
                .hasMessageContaining("file: or environment:");
    }

    @Test
    void anExternalConfigIsRefusedByName() throws IOException {
        ComposeProject p = load("""
                services:
                  app:
                    image: busybox
                    configs: [shared]
                configs:
                  shared:
                    external: true
                """);

        assertThatThrownBy(() -> ContainerSpecs.preview(p, p.service("app"), 1))
                .hasMessageContaining("service app: config shared is external: true")
                .hasMessageContaining("content:");
    }

    @Test
    void anUnsetEnvironmentSourceNamesTheVariableAndAMissingFileTheFile() throws IOException {
        ComposeProject p = load("""
                services:
                  app:
                    image: busybox
                    secrets: [unset, missing]
                secrets:
                  unset:
                    environment: NOT_SET_ANYWHERE
                  missing:
                    file: ./missing.txt
                """);

        assertThatThrownBy(() -> ContainerSpecs.preview(p, p.service("app"), 1))
                .hasMessageContaining("service app: secret unset comes from environment variable NOT_SET_ANYWHERE");
        ComposeProject q = load(Files.readString(dir.resolve("compose.yaml")).replace("[unset, missing]", "[missing]"));
        assertThatThrownBy(() -> ContainerSpecs.preview(q, q.service("app"), 1))
                .hasMessageContaining("service app: secret missing: file").hasMessageContaining("missing.txt");
    }
}
