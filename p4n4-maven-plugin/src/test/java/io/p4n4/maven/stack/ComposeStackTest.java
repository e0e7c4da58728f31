package io.p4n4.maven.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeProject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine-free goals apply every loading setting: files, env files, profiles, project name. */
class ComposeStackTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  web:
                    image: "busybox:${TAG}"
                  debug:
                    image: busybox
                    profiles: ["debug"]
                """);
        Files.writeString(dir.resolve("it.env"), "TAG=from-env-file\n");
    }

    private StackSettings.Builder settings() {
        return StackSettings.builder(dir).composeFiles(List.of(Path.of("compose.yaml")))
                .envFiles(List.of(Path.of("it.env")));
    }

    @Test
    void validateAppliesEnvFilesProfilesAndProjectName() {
        ComposeProject plain = ComposeStack.of(settings().projectName("mvn-plain").build()).validate();
        ComposeProject debug = ComposeStack.of(settings().profiles(List.of("debug")).build()).validate();

        assertThat(plain.name()).isEqualTo("mvn-plain");
        assertThat(plain.services()).containsOnlyKeys("web");
        assertThat(plain.service("web").image()).contains("busybox:from-env-file");
        assertThat(debug.services()).containsOnlyKeys("web", "debug");
    }

    @Test
    void withoutComposeFilesTheBaseDirectorysDefaultFileIsLoaded() {
        ComposeProject p = ComposeStack.of(StackSettings.builder(dir).envFiles(List.of(Path.of("it.env"))).build())
                .validate();

        assertThat(p.composeFiles()).containsExactly(dir.resolve("compose.yaml").toAbsolutePath().normalize());
    }

    @Test
    void configIsTheResolvedModel() {
        String yaml = ComposeStack.of(settings().build()).config();

        assertThat(yaml).contains("busybox:from-env-file").doesNotContain("${TAG}");
    }

    @Test
    void anInvalidFileFailsValidationNamingTheKey() throws Exception {
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web:\n    image: busybox\n    portz: [80]\n");

        assertThatThrownBy(() -> ComposeStack.of(settings().build()).validate()).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining("portz");
    }

    @Test
    void theHostIsTheOnlyEndpointTried() {
        Path socket = dir.resolve("no-engine.sock");
        ComposeStack stack = ComposeStack.of(settings().engine(EngineChoice.DOCKER)
                .host("unix://" + socket).build());

        assertThatThrownBy(() -> stack.down(l -> { })).isInstanceOf(P4n4Exception.class)
                .hasMessageContaining(socket.toString()).hasMessageContaining("docker");
    }

    @Test
    void portsAreReachedAtTheHostOfATcpEndpointElseOnLoopback() {
        assertThat(ComposeStack.publishedHost(URI.create("tcp://build-host.example:2375"))).isEqualTo("build-host.example");
        assertThat(ComposeStack.publishedHost(URI.create("unix:///run/podman/podman.sock"))).isEqualTo("127.0.0.1");
    }
}
