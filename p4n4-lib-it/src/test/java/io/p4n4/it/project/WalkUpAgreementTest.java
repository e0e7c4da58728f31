package io.p4n4.it.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.project.LegacyManifest;
import io.p4n4.api.project.StackId;
import io.p4n4.clients.ProjectEndpointConfig;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import io.p4n4.core.project.ProjectLayout;
import io.p4n4.core.project.ProjectService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core (which project a path is in) and the clients (whose {@code .env} gives the endpoints) walk up by
 * the same rule, {@code io.p4n4.api.project.ProjectRoot}: they agree on every layout.
 */
class WalkUpAgreementTest {
    private static final ProjectService PROJECTS = P4n4.projects();

    @TempDir
    Path workspace;

    @Test
    void fromDeepInsideAProjectBothUseItsRoot() throws Exception {
        Project project = PROJECTS.init(InitOptions.of(workspace.resolve("greenhouse"), List.of(StackId.IOT)));
        Files.writeString(project.directory().resolve(".env"), "P4N4_OLLAMA_URL=http://root:1\n",
                StandardOpenOption.APPEND);
        Path start = Files.createDirectories(project.directory().resolve("stacks/iot/config/extra"));
        Files.writeString(start.resolve(".env"), "P4N4_OLLAMA_URL=http://nearer:2\n");

        assertThat(PROJECTS.find(start)).map(Project::directory).hasValue(project.directory());
        assertThat(ProjectEndpointConfig.read(start).ollamaUrl()).isEqualTo("http://root:1");
    }

    @Test
    void outsideAnyProjectNeitherFindsOneEvenBesideAnEnv() throws Exception {
        Path start = Files.createDirectories(workspace.resolve("loose/dir"));
        Files.writeString(start.resolve(".env"), "P4N4_OLLAMA_URL=http://loose:1\n");

        assertThat(PROJECTS.find(start)).isEmpty();
        assertThat(ProjectEndpointConfig.read(start).ollamaUrl()).isEqualTo("http://localhost:11434");
    }

    @Test
    void anUpstreamProjectIsFoundByItsLegacyManifest() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("upstream"));
        Files.writeString(root.resolve(".p4n4.json"),
                "{\"schema_version\":1,\"project\":\"upstream\",\"layers\":[\"iot\"],\"created_at\":\"2025-01-01T00:00:00Z\"}");
        Files.writeString(root.resolve("docker-compose.yml"), "services: {}\n");
        Files.writeString(root.resolve(".env"), "P4N4_OLLAMA_URL=http://upstream:1\n");
        Path start = Files.createDirectories(root.resolve("config/mosquitto"));

        Optional<Project> found = PROJECTS.find(start);
        assertThat(found).map(Project::directory).hasValue(root);
        assertThat(found.orElseThrow().manifest()).isInstanceOf(LegacyManifest.class);
        assertThat(found.orElseThrow().layout()).isEqualTo(ProjectLayout.LEGACY_FLAT);
        assertThat(ProjectEndpointConfig.read(start).ollamaUrl()).isEqualTo("http://upstream:1");
    }

    @Test
    void aProjectInsideAnotherIsTheNearestForBoth() throws Exception {
        Project outer = PROJECTS.init(InitOptions.of(workspace.resolve("outer"), List.of(StackId.IOT)));
        Files.writeString(outer.directory().resolve(".env"), "P4N4_OLLAMA_URL=http://outer:1\n",
                StandardOpenOption.APPEND);
        Project inner = PROJECTS.init(InitOptions.of(outer.directory().resolve("labs/inner"), List.of(StackId.AI)));
        Files.writeString(inner.directory().resolve(".env"), "P4N4_OLLAMA_URL=http://inner:2\n",
                StandardOpenOption.APPEND);
        Path start = inner.directory().resolve("stacks/ai");

        assertThat(PROJECTS.find(start)).map(Project::directory).hasValue(inner.directory());
        assertThat(ProjectEndpointConfig.read(start).ollamaUrl()).isEqualTo("http://inner:2");
    }

    @Test
    void anUpstreamProjectWithOneEnvPerLayerHasNoRootEnvSoItsEndpointsAreTheDefaults() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("upstream"));
        Files.writeString(root.resolve(".p4n4.json"),
                "{\"schema_version\":1,\"project\":\"upstream\",\"layers\":[\"iot\",\"ai\"]}");
        Path iot = Files.createDirectories(root.resolve("iot"));
        Files.writeString(iot.resolve("docker-compose.yml"), "services: {}\n");
        Files.writeString(iot.resolve(".env"), "P4N4_OLLAMA_URL=http://layer:1\n");

        assertThat(PROJECTS.find(iot)).map(Project::layout).hasValue(ProjectLayout.LEGACY_PER_STACK);
        assertThat(PROJECTS.find(iot)).map(Project::directory).hasValue(root);
        assertThat(ProjectEndpointConfig.read(iot).ollamaUrl()).isEqualTo("http://localhost:11434");
    }
}
