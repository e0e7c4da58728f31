package io.p4n4.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectEndpointConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreTheStacksPublishedPortsOnLocalhost() {
        ProjectEndpointConfig e = ProjectEndpointConfig.defaults();
        assertThat(e.ollamaUrl()).isEqualTo("http://localhost:11434");
        assertThat(e.lettaUrl()).isEqualTo("http://localhost:8283");
        assertThat(e.edgeImpulseUrl()).isEqualTo("http://localhost:8080");
        assertThat(e.influxUrl()).isEqualTo("http://localhost:8086");
        assertThat(e.lettaPassword()).isEmpty();
    }

    @Test
    void readsTheRootEnvFromASubdirectoryOfTheProject() throws Exception {
        Files.writeString(dir.resolve(".p4n4.json"), "{}");
        Files.writeString(dir.resolve(".env"), """
                # secrets
                export LETTA_SERVER_PASSWORD="pa ss#word"
                INFLUXDB_ADMIN_TOKEN=tok # comment
                P4N4_HOST=10.0.0.5
                P4N4_EI_URL='http://edge:1337'
                EMPTY=
                """);
        Path sub = Files.createDirectories(dir.resolve("stacks/ai"));
        ProjectEndpointConfig e = ProjectEndpointConfig.read(sub);
        assertThat(e.lettaPassword()).hasValue("pa ss#word");
        assertThat(e.influxToken()).hasValue("tok");
        assertThat(e.ollamaUrl()).isEqualTo("http://10.0.0.5:11434");
        assertThat(e.edgeImpulseUrl()).isEqualTo("http://edge:1337");
        assertThat(e.value("EMPTY")).isEmpty();
        assertThat(e.toString()).contains("LETTA_SERVER_PASSWORD").doesNotContain("pa ss").doesNotContain("tok")
                .doesNotContain("10.0.0.5").doesNotContain("edge:1337");
    }

    @Test
    void projectWithoutEnvUsesDefaults() throws Exception {
        Files.writeString(dir.resolve(".p4n4.json"), "{}");
        assertThat(ProjectEndpointConfig.read(dir).lettaUrl()).isEqualTo("http://localhost:8283");
    }

    @Test
    void onlyTheProjectRootsEnvIsReadNotOneNearerTheStart() throws Exception {
        Files.writeString(dir.resolve(".p4n4.json"), "{}");
        Files.writeString(dir.resolve(".env"), "P4N4_OLLAMA_URL=http://root:1\n");
        Path stack = Files.createDirectories(dir.resolve("iot"));
        Files.writeString(stack.resolve(".env"), "P4N4_OLLAMA_URL=http://layer:2\n");

        assertThat(ProjectEndpointConfig.read(stack).ollamaUrl()).isEqualTo("http://root:1");
    }

    @Test
    void anEnvOutsideAnyProjectIsNotRead() throws Exception {
        Path loose = Files.createDirectories(dir.resolve("not-a-project"));
        Files.writeString(loose.resolve(".env"), "P4N4_OLLAMA_URL=http://loose:1\n");

        assertThat(ProjectEndpointConfig.read(loose).ollamaUrl()).isEqualTo("http://localhost:11434");
    }

    @Test
    void explicitValuesWin() {
        assertThat(ProjectEndpointConfig.of(Map.of("P4N4_OLLAMA_URL", "http://gpu:11434")).ollamaUrl())
                .isEqualTo("http://gpu:11434");
    }
}
