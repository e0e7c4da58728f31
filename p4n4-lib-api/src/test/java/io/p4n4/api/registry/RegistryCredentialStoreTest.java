package io.p4n4.api.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCredentialStoreTest {
    private static final String SECRET = "s3cret-pa55";
    @TempDir
    Path dir;

    @Test
    void readsBase64AuthFromTheDockerConfigInDockerConfigDir() throws IOException {
        write(dir.resolve("cfg/config.json"), "{\"auths\":{\"https://127.0.0.1:5001/v2/\":{\"auth\":\""
                + b64("alice:" + SECRET) + "\"}}}");
        RegistryCredentials c = docker(Map.of("DOCKER_CONFIG", dir.resolve("cfg").toString()))
                .findForImage("127.0.0.1:5001/team/app:1").orElseThrow();
        assertThat(c.registry()).isEqualTo("127.0.0.1:5001");
        assertThat(c.username()).isEqualTo("alice");
        assertThat(c.password()).isEqualTo(SECRET);
        assertThat(c.source()).isEqualTo(dir.resolve("cfg/config.json").toString());
        assertThat(c.toString()).contains("alice").doesNotContain(SECRET);
    }

    @Test
    void readsUsernameAndPasswordFromTheHomeDirectorysDockerConfig() throws IOException {
        write(dir.resolve(".docker/config.json"), "{\"auths\":{\"https://index.docker.io/v1/\":{\"username\":\"bob\","
                + "\"password\":\"" + SECRET + "\"}}}");
        RegistryCredentials c = docker(Map.of()).findForImage("library/busybox:1").orElseThrow();
        assertThat(c.registry()).isEqualTo("docker.io");
        assertThat(c.username()).isEqualTo("bob");
        assertThat(docker(Map.of()).findForImage("127.0.0.1:5000/x:1")).isEmpty();
    }

    @Test
    void podmansAuthFileComesFirstForPodmanAndSecondForDocker() throws IOException {
        write(dir.resolve(".docker/config.json"), "{\"auths\":{\"reg:5000\":{\"auth\":\"" + b64("docker-user:x") + "\"}}}");
        write(dir.resolve("run/containers/auth.json"), "{\"auths\":{\"reg:5000\":{\"auth\":\"" + b64("podman-user:y")
                + "\"}}}");
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        assertThat(RegistryCredentialStore.of(env, dir, RegistryCredentialStore.Order.PODMAN_AUTH_FILE_FIRST)
                .find("reg:5000").orElseThrow().username()).isEqualTo("podman-user");
        assertThat(docker(env).find("reg:5000").orElseThrow().username()).isEqualTo("docker-user");
    }

    @Test
    void registryAuthFileWinsOverXdgRuntimeDir() throws IOException {
        write(dir.resolve("explicit.json"), "{\"auths\":{\"reg:5000\":{\"auth\":\"" + b64("explicit:z") + "\"}}}");
        RegistryCredentialStore store = RegistryCredentialStore.of(Map.of("REGISTRY_AUTH_FILE",
                dir.resolve("explicit.json").toString(), "XDG_RUNTIME_DIR", dir.resolve("run").toString()), dir,
                RegistryCredentialStore.Order.PODMAN_AUTH_FILE_FIRST);
        assertThat(store.files()).containsExactly(dir.resolve("explicit.json"), dir.resolve(".docker/config.json"));
        assertThat(store.find("reg:5000").orElseThrow().username()).isEqualTo("explicit");
    }

    @Test
    void runsTheCredentialHelperTheConfigNamesForTheRegistry() throws IOException {
        Path bin = helper("fake", "read url; echo \"{\\\"ServerURL\\\":\\\"$url\\\",\\\"Username\\\":\\\"helper-$url\\\","
                + "\\\"Secret\\\":\\\"" + SECRET + "\\\"}\"");
        write(dir.resolve(".docker/config.json"), "{\"credHelpers\":{\"reg:5000\":\"fake\"}}");
        RegistryCredentials c = docker(Map.of("PATH", bin.toString())).find("reg:5000").orElseThrow();
        assertThat(c.username()).isEqualTo("helper-reg:5000");
        assertThat(c.password()).isEqualTo(SECRET);
        assertThat(c.source()).isEqualTo("docker-credential-fake");
    }

    @Test
    void aHelperThatKnowsNothingMeansNoCredentials() throws IOException {
        Path bin = helper("empty", "echo 'credentials not found in native keychain'; exit 1");
        write(dir.resolve(".docker/config.json"), "{\"credsStore\":\"empty\"}");
        assertThat(docker(Map.of("PATH", bin.toString())).find("reg:5000")).isEmpty();
    }

    @Test
    void aMissingHelperIsAUserErrorNamingTheHelperTheRegistryAndTheFile() throws IOException {
        write(dir.resolve(".docker/config.json"), "{\"credsStore\":\"nowhere\"}");
        assertThatThrownBy(() -> docker(Map.of("PATH", dir.toString())).find("reg:5000"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains("docker-credential-nowhere").contains("reg:5000")
                            .contains(dir.resolve(".docker/config.json").toString()).contains("PATH");
                });
    }

    @Test
    void aBrokenFileIsAUserErrorNamingItWithoutItsContent() throws IOException {
        write(dir.resolve(".docker/config.json"), "{\"auths\":{\"reg:5000\":{\"auth\":\"" + SECRET);
        assertThatThrownBy(() -> docker(Map.of()).find("reg:5000"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains("config.json").contains("not valid JSON")
                            .doesNotContain(SECRET);
                });
    }

    @Test
    void anAuthValueWithoutAColonIsAUserErrorThatDoesNotShowIt() throws IOException {
        write(dir.resolve(".docker/config.json"), "{\"auths\":{\"reg:5000\":{\"auth\":\"" + b64(SECRET) + "\"}}}");
        assertThatThrownBy(() -> docker(Map.of()).find("reg:5000"))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains("reg:5000").contains("user:password")
                            .doesNotContain(SECRET).doesNotContain(b64(SECRET));
                });
    }

    @Test
    void findsTheRegistryOfAnImageAsDockerDoes() {
        assertThat(RegistryCredentialStore.registryOf("busybox")).isEqualTo("docker.io");
        assertThat(RegistryCredentialStore.registryOf("grafana/grafana:11")).isEqualTo("docker.io");
        assertThat(RegistryCredentialStore.registryOf("localhost/x:1")).isEqualTo("localhost");
        assertThat(RegistryCredentialStore.registryOf("127.0.0.1:5000/p4n4/busybox:1")).isEqualTo("127.0.0.1:5000");
        assertThat(RegistryCredentialStore.registryOf("ghcr.io/o/r@sha256:ab")).isEqualTo("ghcr.io");
    }

    @Test
    void anAuthFailureIsAUserErrorNamingTheRegistryAndNeverThePassword() {
        RegistryCredentials used = new RegistryCredentials("reg:5000", "alice", SECRET, "/home/a/.docker/config.json");
        var e = PullFailures.of("docker", "reg:5000/x:1", "unauthorized: bad password " + SECRET,
                java.util.Optional.of(used), RegistryCredentialStore.none());
        assertThat(e.code()).isEqualTo(ErrorCode.USER);
        assertThat(e.getMessage()).contains("registry reg:5000").contains("alice").contains("config.json")
                .doesNotContain(SECRET);
        var other = PullFailures.of("podman", "reg:5000/x:1", "manifest unknown", java.util.Optional.empty(),
                RegistryCredentialStore.none());
        assertThat(other.code()).isEqualTo(ErrorCode.ENGINE);
        assertThat(other.getMessage()).contains("reg:5000/x:1").contains("manifest unknown");
    }

    private RegistryCredentialStore docker(Map<String, String> env) {
        return RegistryCredentialStore.of(env, dir, RegistryCredentialStore.Order.DOCKER_CONFIG_FIRST);
    }

    private Path helper(String name, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("docker-credential-" + name);
        Files.writeString(script, "#!/bin/sh\n[ \"$1\" = get ] || exit 2\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
