package io.p4n4.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.junit.internal.EngineConnector;
import io.p4n4.junit.internal.RunLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ComposeSetup#reuse()}: kept after close, taken as it is while its config hash matches, recreated when not. */
@Tag("engine")
class ReuseTest {

    @ParameterizedTest
    @EnumSource(value = EngineChoice.class, names = {"DOCKER", "PODMAN"})
    void aReusedProjectOutlivesCloseIsTakenAsItIsAndIsRecreatedWhenItsConfigChanges(EngineChoice engine,
            @TempDir Path dir) throws Exception {
        String owner = "ReuseTest-" + UUID.randomUUID(); // this test's own project, apart from parallel runs
        Path hello = Files.writeString(dir.resolve("hello.env"), "REUSE_GREETING=hello\n");
        Path bye = Files.writeString(dir.resolve("bye.env"), "REUSE_GREETING=bye\n");
        ComposeSetup.Builder base = ComposeSetup.builder("src/test/resources/compose/reuse.yml").engine(engine)
                .host(TestHosts.hostOf(engine)).reuse(true).owner(owner);
        String project;
        try (ContainerEngine client = EngineConnector.connect(engine, TestHosts.hostOf(engine))) {
            try (ComposeEnvironment first = ComposeEnvironment.start(base.envFile(hello).build())) {
                project = first.projectName();
            }
            ContainerSummary kept = onlyContainer(client, project);
            assertThat(kept.state()).isEqualTo(ContainerState.RUNNING);
            assertThat(kept.labels()).containsKey(RunLabels.REUSE).containsKey(RunLabels.CONFIG_HASH)
                    .doesNotContainKey(RunLabels.RUN);

            long start = System.nanoTime();
            try (ComposeEnvironment second = ComposeEnvironment.start(ComposeSetup.builder(
                            "src/test/resources/compose/reuse.yml").engine(engine).host(TestHosts.hostOf(engine))
                    .reuse(true).owner(owner).envFile(hello).build())) {
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                System.out.println("reuse: second start on " + engine + " took " + took.toMillis() + " ms");
                assertThat(second.projectName()).isEqualTo(project);
                assertThat(onlyContainer(client, project).id()).isEqualTo(kept.id());
            }

            try (ComposeEnvironment changed = ComposeEnvironment.start(ComposeSetup.builder(
                            "src/test/resources/compose/reuse.yml").engine(engine).host(TestHosts.hostOf(engine))
                    .reuse(true).owner(owner).envFile(bye).build())) {
                ContainerSummary recreated = onlyContainer(client, project);
                assertThat(recreated.id()).isNotEqualTo(kept.id());
                assertThat(changed.logs("app")).contains("greeting=bye");
                changed.executor().down(changed.project(), DownOptions.defaults().withVolumes(true)
                        .withStopTimeout(Duration.ZERO));
            }
            assertThat(ProjectObjects.of(client, project).isEmpty()).isTrue();
        }
    }

    private static ContainerSummary onlyContainer(ContainerEngine client, String project) {
        var containers = client.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, project)));
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }
}
