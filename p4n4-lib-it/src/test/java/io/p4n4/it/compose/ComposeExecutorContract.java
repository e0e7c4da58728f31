package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.Subscription;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.DownOptions;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ServiceNotReadyException;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose executor on a real engine; a subclass per engine runs it unchanged. Everything a test
 * creates carries its own project label and is removed after the test, pass or fail.
 */
@Tag("engine")
abstract class ComposeExecutorContract {
    /** db turns healthy after a second; init runs once; web waits for both. */
    static final String STACK = """
            services:
              db:
                image: localhost/p4n4-test-busybox:1
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 1; touch /tmp/ready; sleep 600 & wait"]
                healthcheck:
                  test: ["CMD-SHELL", "test -f /tmp/ready"]
                  interval: 1s
                  timeout: 2s
                  retries: 3
                  start_period: 20s
              init:
                image: localhost/p4n4-test-busybox:1
                command: ["sh", "-c", "echo init done"]
              web:
                image: localhost/p4n4-test-busybox:1
                command: ["sh", "-c", "trap 'exit 0' TERM; echo greeting=$$GREETING; httpd -f -p 8080 & wait"]
                environment:
                  GREETING: ${GREETING:-hello}
                depends_on:
                  db:
                    condition: service_healthy
                  init:
                    condition: service_completed_successfully
                volumes:
                  - data:/data
            volumes:
              data:
            """;

    protected ContainerEngine engine;
    protected ComposeExecutor compose;
    protected String project;
    @TempDir
    protected Path dir;

    protected abstract String engineId();

    protected abstract String endpointVariable();

    @BeforeEach
    void connect() {
        engine = TestEngines.connectAt(engineId(), TestEngines.requireEndpoint(endpointVariable()));
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        compose = ComposeExecutor.create(engine);
        project = "p4n4it" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        if (engine != null) {
            EngineUnderTest.removeProject(engine, project);
            engine.close();
        }
    }

    protected ComposeProject load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName(project).environment(env).build());
    }

    protected static DownOptions quickDown() {
        return DownOptions.defaults().withStopTimeout(Duration.ofSeconds(3));
    }

    @Test
    void upWaitsOnDependenciesLabelsEverythingAndDownRemovesIt() throws IOException {
        ComposeProject p = load(STACK, Map.of());
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        UpResult result = compose.up(p, UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(90))
                .progress(events::add).build());

        assertThat(result.created()).containsExactly("db", "init", "web");
        Map<String, ServiceStatus> ps = compose.ps(p).stream()
                .collect(Collectors.toMap(ServiceStatus::service, Function.identity()));
        assertThat(ps.get("db").health()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(ps.get("init").state()).isEqualTo(ContainerState.EXITED);
        assertThat(ps.get("init").exitCode()).isZero();
        assertThat(ps.get("web").state()).isEqualTo(ContainerState.RUNNING);
        ContainerInfo web = engine.inspectContainer(project + "-web-1");
        assertThat(web.labels()).containsEntry(ComposeLabels.PROJECT, project)
                .containsEntry(ComposeLabels.SERVICE, "web").containsEntry(ComposeLabels.CONTAINER_NUMBER, "1")
                .containsEntry(ComposeLabels.ONEOFF, "False")
                .containsEntry(ComposeLabels.CONFIG_HASH, p.service("web").configHash());
        // web started only after db was healthy and init had completed
        List<String> steps = events.stream().map(ProgressEvent::toString).toList();
        assertThat(steps.indexOf("ready db (service_healthy)")).isNotNegative()
                .isLessThan(steps.indexOf("container created web (" + project + "-web-1)"));
        assertThat(engine.listNetworks(LabelFilter.of(ComposeLabels.PROJECT, project)))
                .extracting(n -> n.name()).containsExactly(project + "_default");

        DownResult down = compose.down(p, quickDown().withVolumes(true));

        assertThat(down.containers()).hasSize(3);
        assertThat(down.networks()).containsExactly(project + "_default");
        assertThat(down.volumes()).contains(project + "_data");
        LabelFilter mine = LabelFilter.of(ComposeLabels.PROJECT, project);
        assertThat(engine.listContainers(ContainerFilter.all(mine))).isEmpty();
        assertThat(engine.listNetworks(mine)).isEmpty();
        assertThat(engine.listVolumes(mine)).isEmpty();
    }

    @Test
    void secondUpWithNothingChangedTouchesNothing() throws IOException {
        ComposeProject p = load(STACK, Map.of());
        compose.up(p, UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(90)).build());
        Map<String, String> idsBefore = ids();

        UpResult again = compose.up(load(STACK, Map.of()), UpOptions.builder().waitReady(true).build());

        assertThat(again.nothingChanged()).as("second up: %s", again).isTrue();
        assertThat(again.unchanged()).containsExactly("db", "init", "web");
        assertThat(ids()).isEqualTo(idsBefore);
    }

    @Test
    void changedServiceIsRecreatedAlone() throws IOException {
        compose.up(load(STACK, Map.of()), UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(90)).build());
        Map<String, String> idsBefore = ids();

        UpResult changed = compose.up(load(STACK, Map.of("GREETING", "bye")),
                UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(90)).build());

        assertThat(changed.recreated()).containsExactly("web");
        assertThat(changed.unchanged()).containsExactly("db", "init");
        Map<String, String> idsAfter = ids();
        assertThat(idsAfter.get("db")).isEqualTo(idsBefore.get("db"));
        assertThat(idsAfter.get("web")).isNotEqualTo(idsBefore.get("web"));
        assertThat(engine.inspectContainer(idsAfter.get("web")).state()).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void missingExternalNetworkFailsWithNetworkNamingItsStack() throws IOException {
        String network = project + "-shared";
        ComposeProject p = load("""
                services:
                  app:
                    image: localhost/p4n4-test-busybox:1
                    networks: [shared]
                networks:
                  shared:
                    name: %s
                    external: true
                """.formatted(network), Map.of());

        assertThatThrownBy(() -> compose.up(p, UpOptions.builder().externalNetworkOwner(network, "iot").build()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
                .hasMessageContaining("network " + network).hasMessageContaining("the iot stack")
                .hasMessageContaining("p4n4 up iot");
        assertThat(engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, project))))
                .isEmpty();
    }

    @Test
    void healthcheckThatNeverPassesTimesOutNamingServiceAndLastOutput() throws IOException {
        ComposeProject p = load("""
                services:
                  stuck:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                    healthcheck:
                      test: ["CMD-SHELL", "echo still-warming-up; exit 1"]
                      interval: 1s
                      retries: 1000
                """, Map.of());
        long begin = System.nanoTime();

        assertThatThrownBy(() -> compose.up(p, UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(6))
                .build()))
                .isInstanceOfSatisfying(ServiceNotReadyException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.service()).isEqualTo("stuck");
                    assertThat(e.timedOut()).isTrue();
                    assertThat(e.findLastHealthOutput()).hasValueSatisfying(o -> assertThat(o).contains("still-warming-up"));
                })
                .hasMessageContaining("service stuck").hasMessageContaining("still-warming-up");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void unhealthyDependencyFailsUpWithoutStartingItsDependent() throws IOException {
        ComposeProject p = load("""
                services:
                  broken:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                    healthcheck:
                      test: ["CMD-SHELL", "echo port-closed; exit 1"]
                      interval: 1s
                      retries: 2
                  app:
                    image: localhost/p4n4-test-busybox:1
                    depends_on:
                      broken:
                        condition: service_healthy
                """, Map.of());

        assertThatThrownBy(() -> compose.up(p, UpOptions.builder().timeout(Duration.ofSeconds(60)).build()))
                .isInstanceOfSatisfying(ServiceNotReadyException.class, e -> {
                    assertThat(e.service()).isEqualTo("broken");
                    assertThat(e.timedOut()).isFalse();
                })
                .hasMessageContaining("unhealthy").hasMessageContaining("port-closed");
        assertThat(engine.findContainer(project + "-app-1")).isEmpty();
    }

    @Test
    void aServiceStartsWithoutWaitingForAnUnrelatedDependencyChain() throws IOException {
        // dependency order is slow, app, zz: one at a time, zz would start only after slow completed
        ComposeProject p = load("""
                services:
                  slow:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sh", "-c", "sleep 3"]
                  app:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                    depends_on:
                      slow:
                        condition: service_completed_successfully
                  zz:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                """, Map.of());
        List<String> steps = new CopyOnWriteArrayList<>();

        UpResult result = compose.up(p, UpOptions.builder().timeout(Duration.ofSeconds(60)).progress(e -> {
            if (e.step() == ProgressEvent.Step.CONTAINER_STARTED || e.step() == ProgressEvent.Step.READY) {
                steps.add(e.step() + " " + e.subject());
            }
        }).build());

        assertThat(steps).containsSubsequence("CONTAINER_STARTED zz", "READY slow", "CONTAINER_STARTED app");
        assertThat(result.created()).as("reported in dependency order").containsExactly("slow", "app", "zz");
    }

    @Test
    void aServiceWithBuildIsBuiltWhenMissingAndRebuiltAndRecreatedWithBuild() throws IOException {
        Path context = Files.createDirectories(dir.resolve("app"));
        Files.writeString(context.resolve("Containerfile"), """
                FROM localhost/p4n4-test-busybox:1
                ARG FLAVOUR
                COPY message.txt /message.txt
                RUN echo "$FLAVOUR" > /flavour
                CMD ["sleep", "600"]
                """);
        Files.writeString(context.resolve("message.txt"), "first\n");
        ComposeProject p = load("""
                services:
                  app:
                    build:
                      context: ./app
                      dockerfile: Containerfile
                      args:
                        FLAVOUR: vanilla
                """, Map.of());
        String image = project + "-app";
        List<String> steps = new CopyOnWriteArrayList<>();
        UpOptions tracked = UpOptions.builder().timeout(Duration.ofSeconds(120)).progress(e -> steps.add(e.step()
                + " " + e.subject())).build();
        try {
            compose.up(p, tracked);

            assertThat(steps).contains("IMAGE_BUILDING " + image, "IMAGE_BUILT " + image);
            assertThat(engine.exec(ids().get("app"), List.of("cat", "/message.txt", "/flavour")).stdout())
                    .isEqualTo("first\nvanilla\n");
            assertThat(compose.missingImages(p)).as("built services are not missing images").isEmpty();

            Files.writeString(context.resolve("message.txt"), "second\n");
            steps.clear();
            UpResult again = compose.up(p, tracked);
            assertThat(steps).doesNotContain("IMAGE_BUILDING " + image);
            assertThat(again.unchanged()).containsExactly("app");

            UpResult rebuilt = compose.up(p, tracked.toBuilder().build(true).build());
            assertThat(rebuilt.recreated()).containsExactly("app");
            assertThat(engine.exec(ids().get("app"), List.of("cat", "/message.txt")).stdout()).isEqualTo("second\n");
        } finally {
            compose.down(p, quickDown());
        }
    }

    @Test
    void aMissingBuildContextIsAUserErrorNamingIt() throws IOException {
        ComposeProject p = load("""
                services:
                  runner:
                    build: ./runner
                """, Map.of());

        assertThatThrownBy(() -> compose.up(p, UpOptions.defaults()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining(dir.resolve("runner").toString());
        assertThat(ids()).isEmpty();
    }

    @Test
    void aServiceCanShareAnotherServicesNetworkFollowsItsRecreationAndDownRemovesBoth() throws IOException {
        String yaml = """
                services:
                  web:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sh", "-c", "mkdir -p /tmp/www && echo ${PAGE:-shared-net} > /tmp/www/index.html && exec httpd -f -p 8080 -h /tmp/www"]
                    stop_grace_period: 1s
                  side:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                    network_mode: service:web
                    stop_grace_period: 1s
                """;
        UpOptions wait = UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(60)).build();
        compose.up(load(yaml, Map.of()), wait);

        ExecResult viaLoopback = engine.exec(ids().get("side"), List.of("wget", "-qO-", "http://127.0.0.1:8080/"));
        assertThat(viaLoopback.stdout()).as(viaLoopback.stderr()).isEqualTo("shared-net\n");

        UpResult changed = compose.up(load(yaml, Map.of("PAGE", "new-page")), wait.toBuilder()
                .services(List.of("web")).build());

        assertThat(changed.recreated()).as("side, though not named, joins the new web's namespace")
                .containsExactly("web", "side");
        ExecResult again = engine.exec(ids().get("side"), List.of("wget", "-qO-", "http://127.0.0.1:8080/"));
        assertThat(again.stdout()).as(again.stderr()).isEqualTo("new-page\n");
        DownResult down = compose.down(load(yaml, Map.of("PAGE", "new-page")),
                quickDown().withStopTimeout(Duration.ofSeconds(1)));
        assertThat(down.containers()).hasSize(2);
        assertThat(ids()).isEmpty();
    }

    @Test
    void downGivesEachContainerItsServicesStopGracePeriod() throws IOException {
        // sleep as PID 1 ignores TERM, so each stop lasts exactly its grace period
        ComposeProject p = load("""
                services:
                  db:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                    stop_grace_period: 1s
                  api:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                    stop_grace_period: 2s
                    depends_on: [db]
                """, Map.of());
        compose.up(p, UpOptions.defaults());
        long begin = System.nanoTime();

        DownResult result = compose.down(p, DownOptions.defaults());

        // api for 2 s, then db for 1 s; compose's default of 10 s each would take 20
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isBetween(Duration.ofMillis(2900),
                Duration.ofSeconds(9));
        assertThat(result.containers()).hasSize(2);
    }

    @Test
    void downStopsDependentsFirstAndEachLevelInParallel() throws IOException {
        // busybox sleep as PID 1 ignores TERM: every stop takes the whole timeout, then a kill
        ComposeProject p = load("""
                services:
                  db:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                  api:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                    depends_on: [db]
                  worker:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                    depends_on: [db]
                  cron:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                    depends_on: [db]
                """, Map.of());
        compose.up(p, UpOptions.defaults());
        List<String> stopped = new CopyOnWriteArrayList<>();
        long begin = System.nanoTime();

        DownResult result = compose.down(p, DownOptions.defaults().withStopTimeout(Duration.ofSeconds(3))
                .withProgress(e -> {
                    if (e.step() == ProgressEvent.Step.CONTAINER_STOPPED) {
                        stopped.add(e.detail());
                    }
                }));

        // two levels of 3 s each; one at a time it would be four
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.containers()).hasSize(4);
        assertThat(stopped).hasSize(4).last().isEqualTo("db");
    }

    /** A service ready at once whose engine schedule would first check it only after 30 s. */
    static final String QUICK_WITH_SLOW_INTERVAL = """
            services:
              quick:
                image: localhost/p4n4-test-busybox:1
                command: ["sh", "-c", "trap 'exit 0' TERM; SETUP; touch /tmp/ok; sleep 600 & wait"]
                healthcheck:
                  test: ["CMD", "test", "-f", "/tmp/ok"]
                  interval: 30s
                  retries: 1
              after:
                image: localhost/p4n4-test-busybox:1
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 600 & wait"]
                depends_on:
                  quick:
                    condition: service_healthy
            """;

    @Test
    void dependencyHealthyAtOnceIsNotKeptWaitingForItsFirstScheduledCheck() throws IOException {
        ComposeProject p = load(QUICK_WITH_SLOW_INTERVAL.replace("SETUP", "true"), Map.of());
        long begin = System.nanoTime();

        compose.up(p, UpOptions.builder().timeout(Duration.ofSeconds(25)).build());

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(15));
        assertThat(engine.inspectContainer(ids().get("after")).state()).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void aServiceTheExecutorCannotRunIsRefusedBeforeAnythingIsCreated() throws IOException {
        ComposeProject p = load("""
                services:
                  db:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sleep", "600"]
                  web:
                    image: localhost/p4n4-test-busybox:1
                    container_name: the-one-web
                    scale: 2
                    depends_on: [db]
                volumes:
                  data:
                """, Map.of());

        assertThatThrownBy(() -> compose.up(p, UpOptions.defaults()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service web").hasMessageContaining("container_name: the-one-web");
        assertThat(ids()).as("no container").isEmpty();
        assertThat(engine.listNetworks(LabelFilter.of(ComposeLabels.PROJECT, project))).as("no network").isEmpty();
        assertThat(engine.listVolumes(LabelFilter.of(ComposeLabels.PROJECT, project))).as("no volume").isEmpty();
    }

    @Test
    void scaledServicesRunOneContainerPerReplicaAndFollowTheirScale() throws Exception {
        String yaml = """
                services:
                  db:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sh", "-c", "trap 'exit 0' TERM; touch /tmp/ready; sleep 600 & wait"]
                    healthcheck:
                      test: ["CMD-SHELL", "test -f /tmp/ready"]
                      interval: 1s
                      retries: 3
                    scale: 2
                  web:
                    image: localhost/p4n4-test-busybox:1
                    command: ["sh", "-c", "trap 'exit 0' TERM; echo replica $$(hostname); sleep 600 & wait"]
                    ports: ["8080"]
                    depends_on:
                      db:
                        condition: service_healthy
                    deploy:
                      replicas: ${WEB:-3}
                """;
        UpOptions wait = UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(90)).build();

        UpResult first = compose.up(load(yaml, Map.of()), wait);

        assertThat(first.created()).containsExactly("db", "web");
        List<ServiceStatus> ps = compose.ps(project);
        assertThat(ps).extracting(ServiceStatus::container).containsExactly(project + "-db-1", project + "-db-2",
                project + "-web-1", project + "-web-2", project + "-web-3");
        assertThat(ps).extracting(ServiceStatus::state).containsOnly(ContainerState.RUNNING);
        assertThat(ps).filteredOn(s -> s.service().equals("db")).extracting(ServiceStatus::health)
                .containsOnly(HealthStatus.HEALTHY);
        // Docker lists a binding for IPv4 and one for IPv6, and Docker 20.10 may give them different ephemeral
        // ports: compare the IPv4 ones (each replica one port of its own)
        assertThat(ps).filteredOn(s -> s.service().equals("web"))
                .extracting(s -> s.ports().stream().filter(p -> !p.hostIp().contains(":"))
                        .map(PortBinding::hostPort).distinct().toList())
                .allMatch(ports -> ports.size() == 1 && ports.get(0) != 0).doesNotHaveDuplicates().hasSize(3);
        assertThat(engine.inspectContainer(project + "-web-3").labels())
                .containsEntry(ComposeLabels.CONTAINER_NUMBER, "3");
        assertThat(compose.logs(load(yaml, Map.of()), "web", LogOptions.ALL)).extracting(LogLine::text)
                .allMatch(l -> l.startsWith("replica ")).doesNotHaveDuplicates().hasSize(3);
        List<LogLine> streamed = new CopyOnWriteArrayList<>();
        try (Subscription stream = compose.streamLogs(load(yaml, Map.of()), "web", LogOptions.ALL, streamed::add)) {
            assertThat(stream.awaitTermination(Duration.ofSeconds(20))).as("every replica's log ended").isTrue();
        }
        assertThat(streamed).extracting(LogLine::text).doesNotHaveDuplicates().hasSize(3);
        String webOne = engine.inspectContainer(project + "-web-1").id();

        UpResult down = compose.up(load(yaml, Map.of("WEB", "1")), wait);

        assertThat(down.scaledDown()).containsExactly("web");
        assertThat(down.unchanged()).containsExactly("db");
        assertThat(down.created()).isEmpty();
        assertThat(compose.ps(project)).extracting(ServiceStatus::container).containsExactly(project + "-db-1",
                project + "-db-2", project + "-web-1");
        assertThat(compose.up(load(yaml, Map.of("WEB", "1")), wait).nothingChanged()).isTrue();

        UpResult up = compose.up(load(yaml, Map.of("WEB", "2")), wait);

        assertThat(up.created()).containsExactly("web");
        assertThat(up.unchanged()).containsExactly("db");
        assertThat(engine.inspectContainer(project + "-web-1").id()).as("replica 1 kept").isEqualTo(webOne);
        assertThat(engine.inspectContainer(project + "-web-2").state()).isEqualTo(ContainerState.RUNNING);
        assertThat(compose.down(load(yaml, Map.of("WEB", "2")), quickDown()).containers()).hasSize(4);
        assertThat(compose.ps(project)).isEmpty();
    }

    protected Map<String, String> ids() {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, project))).stream()
                .collect(Collectors.toMap(c -> c.labels().get(ComposeLabels.SERVICE), c -> c.id()));
    }
}
