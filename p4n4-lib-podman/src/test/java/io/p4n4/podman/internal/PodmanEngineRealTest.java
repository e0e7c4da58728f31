package io.p4n4.podman.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.HealthcheckSpec;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.LogOptions;
import io.p4n4.api.engine.LogStream;
import io.p4n4.api.engine.Mount;
import io.p4n4.api.engine.NetworkAttachment;
import io.p4n4.api.engine.NetworkInfo;
import io.p4n4.api.engine.NetworkSpec;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.Subscription;
import io.p4n4.api.engine.VolumeSpec;
import io.p4n4.api.spi.ContainerEngineProvider;
import io.p4n4.podman.internal.libpod.LibpodHttp;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.RealEngine;
import io.p4n4.testkit.engine.TestEngines;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The engine against the real Podman service of scripts/engines.sh; skipped when it is not running. */
@Tag("engine")
@Timeout(120)
class PodmanEngineRealTest {
    private static final String IMAGE = TestEngines.TEST_IMAGE;
    private static final ConditionFactory WAIT = Waits.within(Duration.ofSeconds(20), Duration.ofMillis(50));
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> labels = Map.of("io.p4n4.test", "podman-" + run);
    private final LabelFilter mine = LabelFilter.of(labels);
    @RealEngine("podman")
    private PodmanEngine engine;

    @AfterEach
    void cleanUp() {
        if (engine == null) {
            return;
        }
        // a second engine: some tests close theirs
        try (ContainerEngine janitor = TestEngines.connect("podman")) {
            janitor.listContainers(ContainerFilter.all(mine)).forEach(c -> janitor.removeContainer(c.id(), RemoveContainerOptions.forced().withAnonymousVolumes()));
            janitor.listNetworks(mine).forEach(n -> janitor.removeNetwork(n.name()));
            janitor.listVolumes(mine).forEach(v -> janitor.removeVolume(v.name(), RemoveVolumeOptions.forced()));
        }
    }

    private String name(String suffix) {
        return "p4n4-it-" + run + "-" + suffix;
    }

    private ContainerSpec.Builder busybox(String suffix, String script) {
        return ContainerSpec.builder(IMAGE).name(name(suffix)).labels(labels).command("sh", "-c", script);
    }

    @Test
    void versionAndInfoComeFromTheRealService() {
        engine.ping();
        assertThat(engine.version().product()).isEqualTo("Podman Engine");
        assertThat(engine.version().version()).matches("[4-9]\\..*");
        assertThat(engine.info().images()).isPositive();
        assertThat(engine.imageExists(IMAGE)).isTrue();
        assertThat(engine.inspectImage(IMAGE).tags()).contains(IMAGE);
    }

    @Test
    void aContainerRunsServesLogsExecsAndGoesAway() throws Exception {
        String id = engine.createContainer(busybox("web",
                "echo started; echo warn >&2; mkdir -p /www; echo hello > /www/index.html; exec httpd -f -p 8080 -h /www")
                .port(PortBinding.tcp("127.0.0.1", 0, 8080)).env("GREETING", "hi there").build());
        assertThat(engine.inspectContainer(name("web")).state()).isEqualTo(ContainerState.CREATED);

        engine.startContainer(name("web"));
        engine.startContainer(name("web")); // no-op when running
        ContainerInfo info = engine.inspectContainer(id);
        assertThat(info.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(info.labels()).containsAllEntriesOf(labels);
        int port = info.findHostPort(8080).orElseThrow();
        WAIT.alias("httpd answers on 127.0.0.1:" + port).until(() -> fetch(port).equals("hello"));

        WAIT.alias("both log lines").until(() -> engine.logs(id, LogOptions.ALL).size() >= 2);
        List<LogLine> lines = engine.logs(id, LogOptions.ALL.withTimestamps(true));
        assertThat(lines).extracting(LogLine::stream, LogLine::text)
                .contains(org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "started"),
                        org.assertj.core.groups.Tuple.tuple(LogStream.STDERR, "warn"));
        assertThat(lines.get(0).timestamp()).isAfter(java.time.Instant.now().minusSeconds(120));
        assertThat(engine.logs(id, LogOptions.tail(1).withStreams(LogStream.STDERR)))
                .extracting(LogLine::text).containsExactly("warn");

        ExecResult r = engine.exec(id, List.of("sh", "-c", "echo $GREETING; echo oops >&2; exit 7"));
        assertThat(r).isEqualTo(new ExecResult(7, "hi there\n", "oops\n"));

        assertThat(engine.listContainers(ContainerFilter.running(mine))).extracting(c -> c.name())
                .containsExactly(name("web"));
        engine.stopContainer(id, Duration.ofSeconds(1));
        engine.stopContainer(id, Duration.ofSeconds(1)); // no-op when stopped
        ContainerInfo stopped = engine.inspectContainer(id);
        assertThat(stopped.state()).isEqualTo(ContainerState.EXITED);
        assertThat(stopped.finishedAt()).isAfter(stopped.startedAt());
        assertThat(engine.listContainers(ContainerFilter.running(mine))).isEmpty();
        assertThat(engine.listContainers(ContainerFilter.all(mine))).hasSize(1);

        assertThat(engine.removeContainer(id, RemoveContainerOptions.defaults().withAnonymousVolumes())).isTrue();
        assertThat(engine.removeContainer(id, RemoveContainerOptions.defaults().withAnonymousVolumes())).isFalse();
        assertThat(engine.findContainer(id)).isEmpty();
    }

    @Test
    void exitCodesAndKillAreReported() throws Exception {
        String quick = engine.createContainer(busybox("quick", "exit 3").build());
        engine.startContainer(quick);
        WAIT.alias("exit").until(() -> engine.inspectContainer(quick).state() == ContainerState.EXITED);
        assertThat(engine.inspectContainer(quick).exitCode()).isEqualTo(3);

        String sleeper = engine.createContainer(busybox("sleeper", "exec sleep 300").build());
        engine.startContainer(sleeper);
        engine.killContainer(sleeper, "SIGKILL");
        WAIT.alias("killed").until(() -> engine.inspectContainer(sleeper).state() == ContainerState.EXITED);
        assertThat(engine.inspectContainer(sleeper).exitCode()).isEqualTo(137);
        assertThatThrownBy(() -> engine.killContainer(sleeper, "SIGKILL")).isInstanceOf(EngineException.class)
                .hasMessageContaining(sleeper.substring(0, 12));
    }

    @Test
    void healthIsDrivenByRunHealthcheckFromStartingToHealthy() throws Exception {
        String id = engine.createContainer(busybox("health", "exec sleep 300")
                .healthcheck(HealthcheckSpec.shell("test -f /tmp/ready && echo ready", Duration.ofSeconds(1),
                        Duration.ofSeconds(2), 3)).build());
        engine.startContainer(id);
        assertThat(engine.inspectContainer(id).health().status()).isEqualTo(HealthStatus.STARTING);

        ContainerHealth first = engine.runHealthcheck(id);
        assertThat(first.status()).isEqualTo(HealthStatus.STARTING);
        assertThat(first.failingStreak()).isEqualTo(1);
        assertThat(first.lastExitCode()).isEqualTo(1);

        engine.exec(id, List.of("touch", "/tmp/ready"));
        ContainerHealth healthy = engine.runHealthcheck(id);
        assertThat(healthy.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(healthy.lastOutput()).isEqualTo("ready");
        assertThat(healthy.lastExitCode()).isZero();
    }

    @Test
    void aCheckThatNeverPassesTurnsUnhealthyAfterItsRetries() throws Exception {
        String id = engine.createContainer(busybox("sick", "exec sleep 300")
                .healthcheck(HealthcheckSpec.shell("echo not yet; exit 1", Duration.ofSeconds(1), Duration.ofSeconds(2), 2))
                .build());
        engine.startContainer(id);
        assertThat(engine.runHealthcheck(id).status()).isEqualTo(HealthStatus.STARTING);
        ContainerHealth h = engine.runHealthcheck(id);
        assertThat(h.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(h.failingStreak()).isEqualTo(2);
        assertThat(h.lastOutput()).isEqualTo("not yet");
    }

    @Test
    void anEventListenerAloneSeesHealthChangeBecauseTheBackendDrivesTheChecks() throws Exception {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (Subscription s = engine.events(EventFilter.containers(mine), events::add)) {
            Thread.sleep(300); // let the stream open before the container starts
            String id = engine.createContainer(busybox("evhealth", "exec sleep 300")
                    .healthcheck(HealthcheckSpec.shell("true", Duration.ofSeconds(1), Duration.ofSeconds(2), 3)).build());
            engine.startContainer(id);
            // nobody calls runHealthcheck or inspect: only the driver can make this happen
            WAIT.alias("a healthy health_status event").until(() -> events.stream().anyMatch(e ->
                    e.action().equals("health_status") && "healthy".equals(e.attributes().get("health_status"))));
            assertThat(events).anyMatch(e -> e.action().equals("start") && e.actorId().equals(id));
            assertThat(s.isActive()).isTrue();
        }
    }

    @Test
    void eventsReportTheLifecycleOfLabelledContainersOnly() throws Exception {
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        Subscription s = engine.events(EventFilter.containers(mine), events::add);
        Thread.sleep(300);
        String id = engine.createContainer(busybox("ev", "exit 0").build());
        engine.startContainer(id);
        WAIT.alias("died event").until(() -> events.stream().anyMatch(e -> e.actorId().equals(id)
                && e.action().equals("die")));
        s.close();
        s.close();
        assertThat(s.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(s.isActive()).isFalse();
        assertThat(s.findFailure()).isEmpty();
        assertThat(events).allMatch(e -> e.type() == EngineEvent.Type.CONTAINER)
                .allMatch(e -> mine.matches(e.attributes()));
        EngineEvent died = events.stream().filter(e -> e.action().equals("die")).findFirst().orElseThrow();
        assertThat(died.attributes()).containsEntry("exitCode", "0").containsEntry("name", name("ev"))
                .containsEntry("podman_action", "died");
        int seen = events.size();
        engine.removeContainer(id, RemoveContainerOptions.forced().withAnonymousVolumes());
        Thread.sleep(500);
        assertThat(events).as("nothing after close").hasSize(seen);
    }

    @Test
    void followingLogsStreamsUntilClosed() throws Exception {
        String id = engine.createContainer(busybox("ticker",
                "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.1; done").build());
        engine.startContainer(id);
        List<LogLine> got = new CopyOnWriteArrayList<>();
        Subscription s = engine.streamLogs(id, LogOptions.ALL.withFollow(true), got::add);
        WAIT.alias("three ticks").until(() -> got.size() >= 3);
        assertThat(got.get(0).text()).isEqualTo("tick 1");
        s.close();
        assertThat(s.awaitTermination(Duration.ofSeconds(5))).isTrue();
        int seen = got.size();
        Thread.sleep(400);
        assertThat(got).hasSize(seen);
        assertThat(s.findFailure()).isEmpty();
    }

    @Test
    void networksGiveDnsByAliasAndCannotBeRemovedWhileUsed() throws Exception {
        String net = name("net");
        NetworkInfo created = engine.createNetwork(NetworkSpec.builder(net).subnet("172.29." + (Math.abs(run.hashCode()) % 200)
                + ".0/24").labels(labels).build());
        assertThat(created.subnets()).hasSize(1);
        assertThat(engine.findNetwork(net)).map(NetworkInfo::labels).contains(labels);
        assertThat(engine.listNetworks(mine)).extracting(NetworkInfo::name).containsExactly(net);
        assertThatThrownBy(() -> engine.createNetwork(NetworkSpec.builder(net).build()))
                .isInstanceOf(EngineException.class).hasMessageContaining("already exists");

        String server = engine.createContainer(busybox("srv", "mkdir -p /www; echo pong > /www/index.html;"
                + " exec httpd -f -p 8080 -h /www").network(NetworkAttachment.of(net, "backend")).build());
        engine.startContainer(server);
        String client = engine.createContainer(busybox("cli", "exec sleep 300").network(NetworkAttachment.of(net)).build());
        engine.startContainer(client);
        assertThat(engine.inspectContainer(server).networkAddresses().get(net)).startsWith("172.29.");
        WAIT.alias("the alias resolves and answers").until(() ->
                engine.exec(client, List.of("wget", "-qO-", "http://backend:8080/")).stdout().equals("pong\n"));

        assertThatThrownBy(() -> engine.removeNetwork(net)).isInstanceOf(EngineException.class);
        engine.removeContainer(server, RemoveContainerOptions.forced().withAnonymousVolumes());
        engine.removeContainer(client, RemoveContainerOptions.forced().withAnonymousVolumes());
        assertThat(engine.removeNetwork(net)).isTrue();
        assertThat(engine.removeNetwork(net)).isFalse();
    }

    @Test
    void aRunningContainerJoinsANetworkWithAnAlias() throws Exception {
        String net = name("late");
        engine.createNetwork(NetworkSpec.builder(net).labels(labels).build());
        String server = engine.createContainer(busybox("late-srv", "mkdir -p /www; echo late > /www/index.html;"
                + " exec httpd -f -p 8080 -h /www").build());
        engine.startContainer(server);
        engine.connectNetwork(server, NetworkAttachment.of(net, "joined-later"));
        assertThat(engine.inspectContainer(server).networkAddresses()).containsKey(net);
        String client = engine.createContainer(busybox("late-cli", "exec sleep 300").network(NetworkAttachment.of(net)).build());
        engine.startContainer(client);
        WAIT.alias("the alias given at connect time resolves").until(() ->
                engine.exec(client, List.of("wget", "-qO-", "http://joined-later:8080/")).stdout().equals("late\n"));
        assertThatThrownBy(() -> engine.connectNetwork(server, NetworkAttachment.of(name("no-such-net"))))
                .isInstanceOf(EngineException.class).hasMessageContaining(name("no-such-net"));
    }

    @Test
    void volumesKeepDataBetweenContainers() throws Exception {
        String vol = name("data");
        engine.createVolume(VolumeSpec.of(vol, labels));
        assertThat(engine.createVolume(VolumeSpec.of(vol, labels)).name()).as("existing one returned").isEqualTo(vol);
        assertThat(engine.listVolumes(mine)).extracting(v -> v.name()).containsExactly(vol);
        String writer = engine.createContainer(busybox("writer", "echo kept > /data/f")
                .mount(Mount.volume(vol, "/data")).build());
        engine.startContainer(writer);
        WAIT.alias("writer exit").until(() -> engine.inspectContainer(writer).state() == ContainerState.EXITED);
        String reader = engine.createContainer(busybox("reader", "cat /data/f; touch /data/g 2>/dev/null || echo ro")
                .mount(Mount.volume(vol, "/data").asReadOnly()).build());
        engine.startContainer(reader);
        WAIT.alias("reader exit").until(() -> engine.inspectContainer(reader).state() == ContainerState.EXITED);
        assertThat(engine.logs(reader, LogOptions.ALL)).extracting(LogLine::text).containsExactly("kept", "ro");
        assertThatThrownBy(() -> engine.removeVolume(vol, RemoveVolumeOptions.defaults()))
                .isInstanceOf(EngineException.class);
        engine.removeContainer(writer, RemoveContainerOptions.forced().withAnonymousVolumes());
        engine.removeContainer(reader, RemoveContainerOptions.forced().withAnonymousVolumes());
        assertThat(engine.removeVolume(vol, RemoveVolumeOptions.defaults())).isTrue();
        assertThat(engine.findVolume(vol)).isEmpty();
    }

    @Test
    void aMissingLocalImageSaysNoSuchImageWithThePodmanName() {
        ContainerSpec spec = ContainerSpec.builder("p4n4-not-imported:1").name(name("noimg")).labels(labels).build();
        assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
            assertThat(e.engine()).contains("podman");
            assertThat(e.resource()).contains("p4n4-not-imported:1");
            assertThat(e.getMessage()).contains("no such image").contains("localhost/p4n4-not-imported:1");
        });
        assertThat(engine.findImage("p4n4-not-imported:1")).isEmpty();
        assertThatThrownBy(() -> engine.inspectImage("p4n4-not-imported:1")).hasMessageContaining("no such image");
    }

    @Test
    void aPullThatCannotReachItsRegistryFailsWithPodmansReason() {
        // the Docker-compatible pull Podman is asked for sends the failure as its first and only line
        assertThatThrownBy(() -> engine.pullImage("localhost/p4n4-it-unpullable-" + run + ":1", p -> { }))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.resource()).contains("localhost/p4n4-it-unpullable-" + run + ":1");
                    assertThat(e.getMessage()).contains("pull of localhost/p4n4-it-unpullable-" + run + ":1 failed")
                            .contains("connection refused");
                });
    }

    @Test
    void taggedImagesAreFoundUnderTheShortName() throws Exception {
        String target = "p4n4-it-tag-" + run + ":2";
        engine.tagImage(IMAGE, target);
        try {
            assertThat(engine.imageExists(target)).isTrue();
            assertThat(engine.inspectImage(target).tags()).contains("localhost/" + target);
            String id = engine.createContainer(ContainerSpec.builder(target).name(name("tagged")).labels(labels)
                    .command("true").build());
            assertThat(engine.inspectContainer(id).image()).isEqualTo("localhost/" + target);
        } finally {
            try (LibpodHttp http = LibpodHttp.create(engine.endpoint(), Duration.ofSeconds(5), Duration.ofSeconds(30))) {
                engine.listContainers(ContainerFilter.all(mine)).forEach(c -> engine.removeContainer(c.id(),
                        RemoveContainerOptions.forced().withAnonymousVolumes()));
                http.request("DELETE", "images", "localhost/" + target).send();
            }
        }
    }

    @Test
    void closingTheEngineEndsEveryThreadItStarted() throws Exception {
        Set<Thread> before = podmanThreads();
        String id = engine.createContainer(busybox("threads", "while true; do echo x; sleep 0.2; done")
                .healthcheck(HealthcheckSpec.shell("true", Duration.ofSeconds(1), Duration.ofSeconds(2), 3)).build());
        engine.startContainer(id);
        List<LogLine> lines = new CopyOnWriteArrayList<>();
        Subscription logs = engine.streamLogs(id, LogOptions.ALL.withFollow(true), lines::add);
        Subscription events = engine.events(EventFilter.containers(mine), e -> { });
        engine.runHealthcheck(id); // starts the background driver
        WAIT.alias("some log lines").until(() -> lines.size() >= 2);
        Set<Thread> during = podmanThreads();
        during.removeAll(before);
        assertThat(during).extracting(Thread::getName).anyMatch(n -> n.startsWith("p4n4-podman-logs-"))
                .anyMatch(n -> n.startsWith("p4n4-podman-events-"));

        engine.close();
        assertThat(logs.awaitTermination(Duration.ofSeconds(5))).isTrue();
        assertThat(events.awaitTermination(Duration.ofSeconds(5))).isTrue();
        WAIT.alias("engine threads end").until(() -> during.stream().noneMatch(Thread::isAlive));
        assertThat(logs.findFailure()).as("closing is not a failure").isEmpty();
    }

    @Test
    void theProviderIsFoundByServiceLoaderAndProbesForReal() {
        ContainerEngineProvider provider = ServiceLoader.load(ContainerEngineProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("podman")).findFirst().orElseThrow();
        assertThat(provider.endpointVariable()).contains("CONTAINER_HOST");
        EngineConfig config = EngineConfig.of(engine.endpoint());
        assertThat(provider.probe(config).available()).isTrue();
        assertThat(provider.probe(io.p4n4.api.engine.EngineConfig.parse("/tmp/p4n4-it/absent.sock")).detail())
                .contains("/tmp/p4n4-it/absent.sock").contains("podman system service");
        URI docker = URI.create("unix:///tmp/p4n4-it/docker.sock");
        if (java.nio.file.Files.exists(java.nio.file.Path.of(docker.getPath()))) {
            assertThat(provider.probe(io.p4n4.api.engine.EngineConfig.of(docker)).available())
                    .as("dockerd is not taken for Podman").isFalse();
        }
        try (var e = provider.create(config)) {
            assertThat(e.id()).isEqualTo("podman");
        }
    }

    private static Set<Thread> podmanThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("p4n4-podman-") && t.isAlive())
                .collect(Collectors.toSet());
    }

    private static String fetch(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
