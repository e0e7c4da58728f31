package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.ImageChange;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.PullPolicy;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpgradeResult;
import io.p4n4.testkit.engine.TestEngines;
import io.p4n4.testkit.engine.TestRegistries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls, {@code pull_policy} and {@code upgrade} against the local registry of {@code scripts/engines.sh start}:
 * each test points its own tags at content A ({@code p4n4/busybox:1}) or B ({@code p4n4/busybox:2}) in the
 * registry, as a push would, and removes the images it pulled afterwards.
 */
@Tag("engine")
abstract class ComposePullContract {
    private static final String LOCAL = TestEngines.TEST_IMAGE;
    protected ContainerEngine engine;
    protected ComposeExecutor compose;
    private String project;
    private String registry;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> pulled = new ArrayList<>();
    @TempDir
    Path dir;

    protected abstract String engineId();

    protected abstract String endpointVariable();

    @BeforeEach
    void connect() {
        registry = TestRegistries.open().orElse(null);
        assumeTrue(registry != null, "pull tests skipped: P4N4_TEST_REGISTRY is not set; run scripts/engines.sh start");
        engine = TestEngines.connectAt(engineId(), TestEngines.requireEndpoint(endpointVariable()));
        TestEngines.assumeImage(engine, LOCAL);
        compose = ComposeExecutor.create(engine);
        project = "p4n4pull" + run;
    }

    @AfterEach
    void cleanUp() {
        if (engine != null) {
            EngineUnderTest.removeProject(engine, project);
            pulled.forEach(i -> TestRegistries.removeLocalImage(engineId(), i));
            engine.close();
        }
    }

    @Test
    void upgradeRecreatesOnlyTheServiceWhoseImageChangedAndSaysWhat() throws IOException {
        String image = tag("upgrade", "1");
        ComposeProject p = load("""
                services:
                  app:
                    image: %s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                  other:
                    image: %s
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                """.formatted(image, LOCAL));
        compose.up(p, UpOptions.builder().timeout(Duration.ofSeconds(60)).build());
        Map<String, String> before = ids();
        String contentA = engine.inspectImage(image).id();
        assertThat(compose.upgrade(p, UpOptions.defaults()).nothingChanged()).as("nothing new yet").isTrue();
        assertThat(ids()).isEqualTo(before);

        retag("2", image); // content B pushed under the same tag
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        UpgradeResult result = compose.upgrade(p, UpOptions.builder().progress(events::add).build());

        String contentB = engine.inspectImage(image).id();
        assertThat(contentB).isNotEqualTo(contentA);
        assertThat(result.changed()).containsExactly(new ImageChange("app", image, bare(contentA), bare(contentB)));
        assertThat(result.up().recreated()).containsExactly("app");
        Map<String, String> after = ids();
        assertThat(after.get("other")).as("other untouched").isEqualTo(before.get("other"));
        assertThat(after.get("app")).as("app recreated").isNotEqualTo(before.get("app"));
        assertThat(bare(engine.inspectContainer(after.get("app")).imageId())).isEqualTo(bare(contentB));
        assertThat(events).extracting(ProgressEvent::step).contains(ProgressEvent.Step.IMAGE_PULLING,
                ProgressEvent.Step.IMAGE_PULLED, ProgressEvent.Step.CONTAINER_RECREATING);
    }

    @Test
    void pullPolicyAlwaysPullsAPresentImageAndMissingKeepsIt() throws IOException {
        String always = tag("always", "1");
        String missing = tag("missing", "1");
        engine.pullImage(always, p -> { });
        engine.pullImage(missing, p -> { });
        String contentA = engine.inspectImage(always).id();
        retag("2", always);
        retag("2", missing);
        ComposeProject p = load("""
                services:
                  fresh:
                    image: %s
                    pull_policy: always
                    command: ["sleep", "600"]
                  kept:
                    image: %s
                    pull_policy: missing
                    command: ["sleep", "600"]
                """.formatted(always, missing));
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        compose.up(p, UpOptions.builder().progress(events::add).timeout(Duration.ofSeconds(60)).build());

        assertThat(engine.inspectImage(always).id()).as("always pulled content B").isNotEqualTo(contentA);
        assertThat(engine.inspectImage(missing).id()).as("missing kept content A").isEqualTo(contentA);
        assertThat(events).filteredOn(e -> e.step() == ProgressEvent.Step.IMAGE_PULLING)
                .extracting(ProgressEvent::subject).containsExactly(always);
        // the engine's reports arrive with their layer (Docker names the tag when content B's layers are already
        // here; the engine contract proves layer ids and bytes on a fresh layer)
        assertThat(events).filteredOn(e -> e.step() == ProgressEvent.Step.IMAGE_PULL_PROGRESS)
                .allSatisfy(e -> assertThat(e.subject()).isEqualTo(always))
                .anySatisfy(e -> assertThat(e.layer()).isNotEmpty());
    }

    @Test
    void pullPolicyNeverRefusesAMissingImageBeforeCreatingAnything() throws IOException {
        String image = registry + "/p4n4/busybox:absent-" + run;
        ComposeProject p = load("""
                services:
                  offline:
                    image: %s
                    pull_policy: never
                """.formatted(image));
        assertThatThrownBy(() -> compose.up(p, UpOptions.defaults()))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.getMessage()).contains(image).contains("offline").contains("never");
                });
        assertThat(compose.ps(p)).isEmpty();
        assertThat(engine.imageExists(image)).isFalse();
    }

    @Test
    void anExplicitUpPolicyReplacesTheServicesPullPolicy() throws IOException {
        String image = tag("override", "1");
        pulled.add(image);
        ComposeProject p = load("""
                services:
                  offline:
                    image: %s
                    pull_policy: never
                    command: ["sleep", "600"]
                """.formatted(image));
        compose.up(p, UpOptions.builder().pullPolicy(PullPolicy.MISSING).timeout(Duration.ofSeconds(60)).build());
        assertThat(engine.imageExists(image)).isTrue();
        assertThat(compose.ps(p)).hasSize(1);
    }

    @Test
    void pullPolicyBuildBuildsOnEveryUp() throws IOException {
        Files.writeString(dir.resolve("Dockerfile"), "FROM " + LOCAL + "\nRUN echo built > /built\n");
        String image = "localhost/p4n4-pull-build-" + run + ":1";
        pulled.add(image);
        ComposeProject p = load("""
                services:
                  made:
                    image: %s
                    build: .
                    pull_policy: build
                    command: ["sleep", "600"]
                """.formatted(image));
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        UpOptions options = UpOptions.builder().progress(events::add).timeout(Duration.ofSeconds(120)).build();
        compose.up(p, options);
        compose.up(p, options);
        assertThat(events).filteredOn(e -> e.step() == ProgressEvent.Step.IMAGE_BUILDING).hasSize(2);
    }

    @Test
    void pullPolicyBuildWithoutABuildSectionIsRefusedNamingTheService() throws IOException {
        ComposeProject p = load("""
                services:
                  nothing:
                    image: %s
                    pull_policy: build
                """.formatted(LOCAL));
        assertThatThrownBy(() -> compose.up(p, UpOptions.defaults()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains("service nothing").contains("pull_policy: build")
                            .contains("build:");
                });
        assertThat(compose.ps(p)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"daily", "weekly", "every_12h", "refresh"})
    void refreshPoliciesAreRefusedByNameBeforeAnythingIsCreated(String policy) throws IOException {
        ComposeProject p = load("""
                services:
                  timed:
                    image: %s
                    pull_policy: %s
                """.formatted(LOCAL, policy));
        assertThatThrownBy(() -> compose.up(p, UpOptions.defaults()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.USER);
                    assertThat(e.getMessage()).contains("service timed").contains("pull_policy: " + policy)
                            .contains("use always");
                });
        assertThat(compose.ps(p)).isEmpty();
    }

    @Test
    void pullPullsEachImageOnceAndSkipsNeverAndPresentMissing() throws IOException {
        String image = tag("pull", "1");
        String present = tag("present", "1");
        engine.pullImage(present, p -> { });
        ComposeProject p = load("""
                services:
                  a:
                    image: %s
                  b:
                    image: %s
                  skipped:
                    image: %s/p4n4/busybox:absent-%s
                    pull_policy: never
                  local:
                    image: %s
                    pull_policy: missing
                """.formatted(image, image, registry, run, present));
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        assertThat(compose.pull(p, events::add)).containsExactly(image);
        assertThat(engine.imageExists(image)).isTrue();
        assertThat(events).filteredOn(e -> e.step() == ProgressEvent.Step.IMAGE_PULLED)
                .extracting(ProgressEvent::subject, ProgressEvent::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(image, "a, b"));
    }

    /** A fresh tag in the registry naming {@code p4n4/busybox:from}; the test removes its local copy. */
    private String tag(String what, String from) {
        String tag = what + "-" + run;
        TestRegistries.retag(registry, "p4n4/busybox", from, tag);
        String image = registry + "/p4n4/busybox:" + tag;
        pulled.add(image);
        return image;
    }

    /** Points {@code image}'s tag at the content of {@code p4n4/busybox:from}. */
    private void retag(String from, String image) {
        TestRegistries.retag(registry, "p4n4/busybox", from, image.substring(image.lastIndexOf(':') + 1));
    }

    private ComposeProject load(String yaml) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName(project).build());
    }

    private Map<String, String> ids() {
        return engine.listContainers(io.p4n4.api.engine.ContainerFilter.all(io.p4n4.api.engine.LabelFilter.of(
                io.p4n4.compose.exec.ComposeLabels.PROJECT, project))).stream().collect(java.util.stream.Collectors
                        .toMap(c -> c.labels().get(io.p4n4.compose.exec.ComposeLabels.SERVICE), c -> c.id()));
    }

    private static String bare(String id) {
        return id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
    }
}
