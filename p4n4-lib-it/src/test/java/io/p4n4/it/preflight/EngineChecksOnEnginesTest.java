package io.p4n4.it.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.NetworkSpec;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.project.Problem;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.core.P4n4;
import io.p4n4.core.compat.Compatibility;
import io.p4n4.core.platform.Platform;
import io.p4n4.core.preflight.EngineChecks;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.testkit.engine.TestEngines;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks {@code up} and {@code validate} run on the engine before creating anything, on Docker and Podman:
 * networks (missing, another subnet) and clashes with other projects (same project name from another directory,
 * a container_name, a published host port). Every name is unique to the run; nothing touches {@code p4n4-net}.
 */
@Tag("engine")
class EngineChecksOnEnginesTest {
    private static final String TEST_LABEL = "io.p4n4.test.preflight";

    @TempDir
    Path tmp;
    private final String run = "pf" + UUID.randomUUID().toString().substring(0, 8);
    private ContainerEngine engine;
    private final List<String> networks = new java.util.ArrayList<>();

    @AfterEach
    void cleanUp() {
        if (engine == null) {
            return;
        }
        engine.listContainers(ContainerFilter.all(LabelFilter.of(TEST_LABEL, run)))
                .forEach(c -> engine.removeContainer(c.id(), RemoveContainerOptions.forced()));
        engine.listContainers(ContainerFilter.all(LabelFilter.has(ComposeLabels.PROJECT))).stream()
                .filter(c -> c.labels().get(ComposeLabels.PROJECT).startsWith(run))
                .forEach(c -> engine.removeContainer(c.id(), RemoveContainerOptions.forced()));
        networks.forEach(engine::removeNetwork);
        engine.close();
    }

    private ContainerEngine connect(String engineId) {
        engine = TestEngines.connect(engineId);
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        return engine;
    }

    private ComposeProject compose(String dir, String yaml) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve(dir));
        Path file = Files.writeString(folder.resolve("docker-compose.yml"), yaml);
        return ComposeLoader.load(LoadOptions.builder().file(file).environment(Map.of()).build());
    }

    private String service(String extra) {
        return "services:\n  app:\n    image: " + TestEngines.TEST_IMAGE + "\n    command: [\"sleep\", \"600\"]\n" + extra;
    }

    private EngineChecks.Result check(ComposeProject... projects) {
        return EngineChecks.of(engine, Compatibility.bundled()).check(List.of(projects));
    }

    private String subnet() {
        return "10.19" + ThreadLocalRandom.current().nextInt(0, 10) + "." + ThreadLocalRandom.current().nextInt(0, 256)
                + ".0/24";
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aProjectWithNothingInTheWayPassesWithTheEngineVersionChecked(String engineId) throws Exception {
        connect(engineId);
        EngineChecks.Result r = check(compose("a", "name: " + run + "\n" + service("")));
        assertThat(r.problems()).isEmpty();
        assertThat(r.passed()).anySatisfy(p -> assertThat(p).startsWith("engine " + engineId + " ")
                .endsWith(": supported (" + Compatibility.bundled().findEngineRange(engineId).orElseThrow() + ")"))
                .contains("no clash on " + engineId + " with other projects' names, container names or host ports");
        r.throwIfFailed(); // no errors: nothing thrown
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void anExternalNetworkNoProjectCreatesMustExist(String engineId) throws Exception {
        connect(engineId);
        String net = run + "-net";
        ComposeProject joins = compose("joins", "name: " + run + "-joins\n" + service("    networks: [shared]\n")
                + "networks:\n  shared:\n    external: true\n    name: " + net + "\n");
        Problem p = check(joins).errors().get(0);
        assertThat(p.errorCode()).isEqualTo(ErrorCode.NETWORK);
        assertThat(p.id()).isEqualTo("network.missing");
        assertThat(p.message()).isEqualTo("network " + net + ", which " + run + "-joins joins, does not exist on "
                + engineId + " at " + engine.endpoint());
        assertThat(p.hint()).contains("docker network create " + net);

        // a project started with it that creates the network is enough
        ComposeProject creates = compose("creates", "name: " + run + "-creates\n" + service("    networks: [own]\n")
                + "networks:\n  own:\n    name: " + net + "\n");
        EngineChecks.Result both = check(creates, joins);
        assertThat(both.problems()).isEmpty();
        assertThat(both.passed()).contains("network " + net + ": absent, " + run + "-creates creates it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aNetworkWithAnotherSubnetIsANetworkErrorNamingBoth(String engineId) throws Exception {
        connect(engineId);
        String net = run + "-net";
        String actual = subnet();
        String declared = "10.189." + ThreadLocalRandom.current().nextInt(0, 256) + ".0/24";
        engine.createNetwork(NetworkSpec.builder(net).subnet(actual).label(TEST_LABEL, run).build());
        networks.add(net);
        ComposeProject owner = compose("owner", "name: " + run + "-owner\n" + service("    networks: [own]\n")
                + "networks:\n  own:\n    name: " + net + "\n    ipam:\n      config:\n        - subnet: " + declared
                + "\n");
        ComposeProject joins = compose("joins", "name: " + run + "-joins\n" + service("    networks: [shared]\n")
                + "networks:\n  shared:\n    external: true\n    name: " + net + "\n");
        EngineChecks.Result r = check(owner, joins);
        assertThat(r.errors()).singleElement().satisfies(p -> {
            assertThat(p.errorCode()).isEqualTo(ErrorCode.NETWORK);
            assertThat(p.id()).isEqualTo("network.subnet");
            assertThat(p.message()).isEqualTo("network " + net + " on " + engineId + " has subnet " + actual + " but "
                    + run + "-owner expects " + declared);
        });
        assertThatThrownBy(r::throwIfFailed).isInstanceOf(P4n4Exception.class)
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageStartingWith("nothing was created: network " + net);
        // the joining project alone knows no subnet to expect
        assertThat(check(joins).passed()).contains("network " + net + ": present on " + engineId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void theSameProjectNameFromAnotherDirectoryIsAnEngineErrorNamingBothDirectories(String engineId)
            throws Exception {
        connect(engineId);
        ComposeProject mine = compose("mine", "name: " + run + "\n" + service(""));
        String other = engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(run + "-theirs")
                .command("sleep", "600").label(TEST_LABEL, run).label(ComposeLabels.PROJECT, run)
                .label(ComposeLabels.WORKING_DIR, "/srv/elsewhere").build());
        Problem p = check(mine).errors().get(0);
        assertThat(p.errorCode()).isEqualTo(ErrorCode.ENGINE);
        assertThat(p.id()).isEqualTo("conflict.project-name");
        assertThat(p.message()).isEqualTo("compose project " + run + " of " + mine.workingDirectory()
                + " clashes with compose project " + run + " of /srv/elsewhere (container " + run + "-theirs) on "
                + engineId);
        assertThat(p.hint()).contains("p4n4 down in /srv/elsewhere");
        engine.removeContainer(other, RemoveContainerOptions.forced());
        assertThat(check(mine).errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aContainerNameTakenByAnotherContainerIsAnEngineErrorNamingBoth(String engineId) throws Exception {
        connect(engineId);
        String name = run + "-broker";
        engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(name).command("sleep", "600")
                .label(TEST_LABEL, run).build());
        ComposeProject mine = compose("mine", "name: " + run + "\n" + service("    container_name: " + name + "\n"));
        assertThat(check(mine).errors()).singleElement().satisfies(p -> {
            assertThat(p.errorCode()).isEqualTo(ErrorCode.ENGINE);
            assertThat(p.id()).isEqualTo("conflict.container-name");
            assertThat(p.message()).isEqualTo("container_name " + name + " of service app (compose project " + run
                    + ") is taken on " + engineId + " by container " + name + " of no compose project");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void aHostPortARunningContainerOfSomethingElseBindsIsAnEngineErrorNamingBoth(String engineId) throws Exception {
        connect(engineId);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String theirs = engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(run + "-web")
                .command("sleep", "600").port(PortBinding.tcp("127.0.0.1", port, 80)).label(TEST_LABEL, run)
                .label(ComposeLabels.PROJECT, run + "-other").label(ComposeLabels.WORKING_DIR, "/srv/other").build());
        engine.startContainer(theirs);
        ComposeProject mine = compose("mine", "name: " + run + "\n"
                + service("    ports:\n      - \"127.0.0.1:" + port + ":8080\"\n"));
        assertThat(check(mine).errors()).singleElement().satisfies(p -> {
            assertThat(p.errorCode()).isEqualTo(ErrorCode.ENGINE);
            assertThat(p.id()).isEqualTo("conflict.port");
            assertThat(p.message()).isEqualTo("host port " + port + "/tcp of service app (compose project " + run
                    + ") is taken on " + engineId + " by container " + run + "-web of compose project " + run
                    + "-other in /srv/other");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void platformUpStopsBeforeCreatingAnythingWhenTheProjectNameIsTaken(String engineId) throws Exception {
        connect(engineId);
        Project project = P4n4.projects().init(InitOptions.of(tmp.resolve(run), List.of(StackId.IOT)));
        String composeName = run + "-iot";
        engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(run + "-theirs")
                .command("sleep", "600").label(TEST_LABEL, run).label(ComposeLabels.PROJECT, composeName)
                .label(ComposeLabels.WORKING_DIR, "/srv/elsewhere").build());
        Platform platform = Platform.create(engine, project);
        assertThat(platform.preflight(List.of()).errors()).extracting(Problem::id).contains("conflict.project-name");
        assertThatThrownBy(() -> platform.up(List.of(), UpOptions.builder().build()))
                .isInstanceOf(P4n4Exception.class)
                .satisfies(e -> assertThat(((P4n4Exception) e).code()).isEqualTo(ErrorCode.ENGINE))
                .hasMessageContaining("compose project " + composeName + " of " + project.stackDirectory(StackId.IOT))
                .hasMessageContaining("of /srv/elsewhere");
        assertThat(engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, composeName))))
                .as("only the other project's container").singleElement()
                .satisfies(c -> assertThat(c.name()).isEqualTo(run + "-theirs"));
        assertThat(engine.listVolumes(LabelFilter.of(ComposeLabels.PROJECT, composeName))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void validateWithAnEngineAddsTheEngineChecksToTheReport(String engineId) throws Exception {
        connect(engineId);
        Path dir = P4n4.projects().init(InitOptions.of(tmp.resolve(run), List.of(StackId.IOT))).directory();
        io.p4n4.api.project.ValidationReport clean = P4n4.projects().validate(dir, engine);
        assertThat(clean.passed()).anySatisfy(p -> assertThat(p).startsWith("engine " + engineId + " "));
        assertThat(clean.errors()).extracting(Problem::id).doesNotContain("conflict.project-name");

        engine.createContainer(ContainerSpec.builder(TestEngines.TEST_IMAGE).name(run + "-theirs")
                .command("sleep", "600").label(TEST_LABEL, run).label(ComposeLabels.PROJECT, run + "-iot")
                .label(ComposeLabels.WORKING_DIR, "/srv/elsewhere").build());
        io.p4n4.api.project.ValidationReport clash = P4n4.projects().validate(dir, engine);
        assertThat(clash.errorCode()).isEqualTo(ErrorCode.ENGINE);
        assertThat(clash.errors()).extracting(Problem::id).contains("conflict.project-name");
        assertThat(P4n4.projects().validate(dir).errorCode()).as("without the engine: files only")
                .isEqualTo(ErrorCode.OK);
    }
}
