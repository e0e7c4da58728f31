package io.p4n4.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.BuildSpec;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.DeviceMapping;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.EventFilter;
import io.p4n4.api.engine.ExecOptions;
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
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ContainerEngine} must do, checked against a real engine. Backends extend this class
 * unchanged; see {@link EngineContractSupport} for setup, skipping and clean-up. A test of an optional
 * operation is skipped on an engine whose {@link ContainerEngine#capabilities()} do not list it.
 */
public abstract class ContainerEngineContract extends EngineContractSupport {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void reportsItsIdVersionAndNegotiatedApi() {
        assertThat(engine.id()).isEqualTo(engineId());
        assertThat(engine.version().version()).isNotBlank();
        assertThat(engine.version().negotiatedApiVersion()).matches("\\d+\\.\\d+(\\.\\d+)?");
        assertThat(engine.info().engineId()).isEqualTo(engineId());
        assertThat(engine.info().images()).isPositive();
    }

    @Test
    void findsLocalImagesAndTagsThem() {
        requires(EngineCapability.TAG);
        assertThat(engine.imageExists(testImage())).isTrue();
        assertThat(engine.imageExists("localhost/p4n4-no-such-image:0")).isFalse();
        String tag = "localhost/p4n4-test-busybox:tagged";
        engine.tagImage(testImage(), tag);
        assertThat(engine.inspectImage(tag).id()).isEqualTo(engine.inspectImage(testImage()).id());
    }

    @Test
    void execAppliesEnvironmentUserAndWorkingDirectory() {
        requires(EngineCapability.EXEC_OPTIONS);
        String id = engine.createContainer(spec("exec-opts").command("sh", "-c", "exec sleep 300")
                .env("GREETING", "from-container").stopTimeout(Duration.ofSeconds(1)).build());
        engine.startContainer(id);
        String script = "echo $GREETING-$EXTRA-$(id -u):$(id -g)-$(pwd)";
        assertThat(engine.exec(id, List.of("sh", "-c", script), ExecOptions.defaults()).stdout().trim())
                .isEqualTo("from-container--0:0-/");
        ExecResult r = engine.exec(id, List.of("sh", "-c", script + "; exit 4"), ExecOptions.defaults()
                .withEnv("GREETING", "overridden").withEnv("EXTRA", "a b=c").withUser("65534:65534")
                .withWorkingDir("/tmp"));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.stdout().trim()).isEqualTo("overridden-a b=c-65534:65534-/tmp");
    }

    @Test
    void runsAContainerThroughItsWholeLifecycle() {
        requires(EngineCapability.EXEC);
        ContainerSpec spec = spec("life")
                .command("sh", "-c", "echo out-$GREETING; echo err-line >&2; exec sleep 300")
                .env("GREETING", "hello").label("tier", "test")
                .user("65534").workingDir("/tmp").hostname("tck-host")
                .device(new DeviceMapping("/dev/null", "/dev/p4n4null", "rwm"))
                .stopTimeout(Duration.ofSeconds(1))
                .build();
        String id = engine.createContainer(spec);
        ContainerInfo created = engine.inspectContainer(id);
        assertThat(created.state()).isEqualTo(ContainerState.CREATED);
        assertThat(created.name()).isEqualTo(name("life"));
        assertThat(created.labels()).containsEntry("tier", "test").containsEntry(TEST_LABEL, run);

        engine.startContainer(id);
        engine.startContainer(id); // starting a running container is a no-op
        assertThat(engine.inspectContainer(name("life")).state()).isEqualTo(ContainerState.RUNNING);

        await(WAIT, "both log lines", () -> engine.logs(id, LogOptions.ALL).size() >= 2);
        List<LogLine> lines = engine.logs(id, LogOptions.ALL);
        assertThat(lines).extracting(LogLine::stream, LogLine::text)
                .contains(org.assertj.core.groups.Tuple.tuple(LogStream.STDOUT, "out-hello"),
                        org.assertj.core.groups.Tuple.tuple(LogStream.STDERR, "err-line"));
        assertThat(engine.logs(id, LogOptions.ALL.withStreams(LogStream.STDERR))).extracting(LogLine::text)
                .containsExactly("err-line");
        assertThat(engine.logs(id, LogOptions.tail(1).withTimestamps(true)).get(0).timestamp())
                .isAfter(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        // past 2038 on purpose: an int of epoch seconds wraps into the past and would return every line
        assertThat(engine.logs(id, LogOptions.ALL.withSince(java.time.Instant.parse("2100-01-01T00:00:00Z"))))
                .isEmpty();

        ExecResult exec = engine.exec(id, List.of("sh", "-c", "echo $GREETING-$(id -u)-$(pwd)-$(hostname); "
                + "test -c /dev/p4n4null && echo dev-ok >&2; exit 3"));
        assertThat(exec.exitCode()).isEqualTo(3);
        assertThat(exec.stdout().trim()).isEqualTo("hello-65534-/tmp-tck-host");
        assertThat(exec.stderr().trim()).isEqualTo("dev-ok");

        engine.stopContainer(id, Duration.ofSeconds(1));
        engine.stopContainer(id, Duration.ofSeconds(1)); // stopping a stopped container is a no-op
        assertThat(engine.inspectContainer(id).state()).isEqualTo(ContainerState.EXITED);

        assertThat(engine.removeContainer(id, RemoveContainerOptions.defaults().withAnonymousVolumes())).isTrue();
        assertThat(engine.findContainer(id)).isEmpty();
        assertThat(engine.removeContainer(id, RemoveContainerOptions.defaults().withAnonymousVolumes())).isFalse();
    }

    @Test
    void reportsTheExitCodeOfAFinishedContainer() {
        String id = startContainer(spec("exit").command("sh", "-c", "exit 7").build());
        ContainerInfo done = awaitExit(id);
        assertThat(done.exitCode()).isEqualTo(7);
        // both instants are recorded; their order is not compared: Podman may stamp the start after a fast exit
        assertThat(done.startedAt()).isAfter(java.time.Instant.EPOCH);
        assertThat(done.finishedAt()).isAfter(java.time.Instant.EPOCH);
    }

    @Test
    void killsWithTheGivenSignal() {
        requires(EngineCapability.KILL);
        String id = startContainer(spec("kill").command("sleep", "300").build());
        engine.killContainer(id, "SIGKILL");
        assertThat(awaitExit(id).exitCode()).isEqualTo(137);
    }

    @Test
    void healthBecomesHealthyWhenTheCheckPasses() {
        String id = startContainer(spec("healthy")
                .command("sh", "-c", "touch /tmp/ready; exec sleep 300")
                .healthcheck(HealthcheckSpec.shell("test -f /tmp/ready && echo ready-ok", Duration.ofSeconds(1),
                        Duration.ofSeconds(5), 3))
                .build());
        assertThat(engine.inspectContainer(id).health().status()).isIn(HealthStatus.STARTING, HealthStatus.HEALTHY);
        await(WAIT, "healthy", () -> engine.runHealthcheck(id).status() == HealthStatus.HEALTHY);
        ContainerHealth health = engine.inspectContainer(id).health();
        assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(health.lastOutput()).contains("ready-ok");
        assertThat(health.lastExitCode()).isZero();
    }

    @Test
    void healthBecomesUnhealthyWithTheLastOutputWhenTheCheckFails() {
        String id = startContainer(spec("unhealthy").command("sleep", "300")
                .healthcheck(HealthcheckSpec.shell("echo not-ready-yet; exit 1", Duration.ofSeconds(1),
                        Duration.ofSeconds(5), 1))
                .build());
        await(WAIT, "unhealthy", () -> engine.runHealthcheck(id).status() == HealthStatus.UNHEALTHY);
        ContainerHealth health = engine.inspectContainer(id).health();
        assertThat(health.failingStreak()).isPositive();
        assertThat(health.lastOutput()).contains("not-ready-yet");
        assertThat(health.lastExitCode()).isEqualTo(1);
    }

    @Test
    void containerWithoutHealthcheckReportsNone() {
        String id = startContainer(spec("nohealth").command("sleep", "300").build());
        assertThat(engine.runHealthcheck(id).status()).isEqualTo(HealthStatus.NONE);
        assertThat(engine.inspectContainer(id).health().status()).isEqualTo(HealthStatus.NONE);
    }

    @Test
    void publishesPortsOnLoopback() throws Exception {
        String id = startContainer(spec("port")
                .command("sh", "-c", "mkdir -p /tmp/www && echo hello-port > /tmp/www/index.html && "
                        + "exec httpd -f -p 8080 -h /tmp/www")
                .port(PortBinding.tcp("127.0.0.1", 0, 8080))
                .build());
        int port = engine.inspectContainer(id).findHostPort(8080).orElseThrow();
        assertThat(port).isPositive();
        String[] body = new String[1];
        await(WAIT, "HTTP answer on 127.0.0.1:" + port, () -> {
            body[0] = httpGet("http://127.0.0.1:" + port + "/");
            return body[0] != null;
        });
        assertThat(body[0].trim()).isEqualTo("hello-port");
    }

    @Test
    void networksHaveTheirSubnetAndResolveNamesAndAliases() {
        requires(EngineCapability.EXEC);
        String subnet = "10.231." + ThreadLocalRandom.current().nextInt(1, 250) + ".0/24";
        String net = name("net");
        NetworkInfo created = engine.createNetwork(NetworkSpec.builder(net).subnet(subnet)
                .label(TEST_LABEL, run).label("purpose", "dns").build());
        assertThat(created.name()).isEqualTo(net);
        assertThat(engine.inspectNetwork(net).subnets()).contains(subnet);
        assertThat(engine.inspectNetwork(net).labels()).containsEntry("purpose", "dns");
        assertThat(engine.listNetworks(LabelFilter.of(TEST_LABEL, run))).extracting(NetworkInfo::name)
                .containsExactly(net);
        assertThatThrownBy(() -> engine.createNetwork(NetworkSpec.builder(net).label(TEST_LABEL, run).build()))
                .isInstanceOf(EngineException.class).hasMessageContaining(net);

        String server = startContainer(spec("server")
                .command("sh", "-c", "mkdir -p /tmp/www && echo from-server > /tmp/www/index.html && "
                        + "exec httpd -f -p 8080 -h /tmp/www")
                .network(NetworkAttachment.of(net, "db-alias"))
                .build());
        assertThat(engine.inspectContainer(server).networkAddresses().get(net)).startsWith(subnet.substring(0, 9));
        String client = startContainer(spec("client").command("sleep", "300")
                .network(NetworkAttachment.of(net)).build());
        await(WAIT, "the alias to answer", () ->
                engine.exec(client, List.of("wget", "-qO-", "http://db-alias:8080/")).stdout().contains("from-server"));
        assertThat(engine.exec(client, List.of("wget", "-qO-", "http://" + name("server") + ":8080/")).stdout())
                .contains("from-server");

        engine.removeContainer(server, RemoveContainerOptions.forced().withAnonymousVolumes());
        engine.removeContainer(client, RemoveContainerOptions.forced().withAnonymousVolumes());
        assertThat(engine.removeNetwork(net)).isTrue();
        assertThat(engine.findNetwork(net)).isEmpty();
        assertThat(engine.removeNetwork(net)).isFalse();
    }

    @Test
    void containerJoinsASecondNetworkWithItsAlias() {
        requires(EngineCapability.EXEC);
        String a = name("neta");
        String b = name("netb");
        engine.createNetwork(NetworkSpec.builder(a).label(TEST_LABEL, run).build());
        engine.createNetwork(NetworkSpec.builder(b).label(TEST_LABEL, run).build());
        String id = startContainer(spec("two").command("sleep", "300")
                .network(NetworkAttachment.of(a, "on-a")).network(NetworkAttachment.of(b, "on-b")).build());
        assertThat(engine.inspectContainer(id).networkAddresses()).containsKeys(a, b);
        String peer = startContainer(spec("peer").command("sleep", "300").network(NetworkAttachment.of(b)).build());
        await(WAIT, "alias on the second network", () ->
                engine.exec(peer, List.of("ping", "-c", "1", "-W", "1", "on-b")).exitCode() == 0);
    }

    @Test
    void networkModesShareTheHostsOrAnotherContainersNetworkOrNone() throws Exception {
        requires(EngineCapability.EXEC);
        int port = 20000 + ThreadLocalRandom.current().nextInt(20000);
        String web = startContainer(spec("hostnet").networkMode("host")
                .command("httpd", "-f", "-p", "127.0.0.1:" + port, "-h", "/etc").build());
        // host mode: reachable from this JVM without publishing anything
        String[] body = new String[1];
        await(WAIT, "httpd on the host's loopback", () -> {
            body[0] = httpGet("http://127.0.0.1:" + port + "/passwd");
            return body[0] != null;
        });
        assertThat(body[0]).contains("root:x:0:0:");

        String sidecar = startContainer(spec("shared").networkMode("container:" + name("hostnet"))
                .command("sleep", "300").build());
        ExecResult viaShared = engine.exec(sidecar, List.of("wget", "-qO-", "http://127.0.0.1:" + port + "/group"));
        assertThat(viaShared.exitCode()).as(viaShared.stderr()).isZero();
        assertThat(viaShared.stdout()).contains("root:x:0:");

        String isolated = startContainer(spec("nonet").networkMode("none").command("sleep", "300").build());
        assertThat(engine.exec(isolated, List.of("ls", "/sys/class/net")).stdout().split("\\s+"))
                .containsExactly("lo");
        assertThat(engine.inspectContainer(web).state()).isEqualTo(ContainerState.RUNNING);
        // the sharer first: Podman refuses to remove a container whose network namespace another one uses
        engine.removeContainer(sidecar, RemoveContainerOptions.forced().withAnonymousVolumes());
        engine.removeContainer(web, RemoveContainerOptions.forced().withAnonymousVolumes());
    }

    @Test
    void volumesKeepDataAndMountReadOnly(@TempDir Path hostDir) throws IOException {
        String vol = name("vol");
        engine.createVolume(VolumeSpec.of(vol, Map.of(TEST_LABEL, run, "purpose", "data")));
        assertThat(engine.findVolume(vol).orElseThrow().labels()).containsEntry("purpose", "data");
        assertThat(engine.listVolumes(LabelFilter.of(TEST_LABEL, run)))
                .extracting(io.p4n4.api.engine.VolumeInfo::name).containsExactly(vol);

        Files.writeString(hostDir.resolve("from-host.txt"), "host-data\n");
        hostDir.toFile().setReadable(true, false);
        hostDir.toFile().setExecutable(true, false);
        String writer = startContainer(spec("writer").command("sh", "-c", "echo persisted > /data/f")
                .mount(Mount.volume(vol, "/data")).build());
        assertThat(awaitExit(writer).exitCode()).isZero();
        String reader = startContainer(spec("reader")
                .command("sh", "-c", "cat /data/f; cat /host/from-host.txt; touch /data/g || echo read-only-refused")
                .mount(Mount.volume(vol, "/data").asReadOnly())
                .mount(Mount.bind(hostDir.toString(), "/host").asReadOnly())
                .build());
        awaitExit(reader);
        assertThat(stdout(reader)).contains("persisted", "host-data", "read-only-refused");

        engine.removeContainer(writer, RemoveContainerOptions.forced().withAnonymousVolumes());
        engine.removeContainer(reader, RemoveContainerOptions.forced().withAnonymousVolumes());
        assertThat(engine.removeVolume(vol, RemoveVolumeOptions.defaults())).isTrue();
        assertThat(engine.findVolume(vol)).isEmpty();
        assertThat(engine.removeVolume(vol, RemoveVolumeOptions.defaults())).isFalse();
    }

    @Test
    void listsContainersByLabel() {
        String a = engine.createContainer(spec("list-a").label("role", "a").command("sleep", "300").build());
        engine.createContainer(spec("list-b").label("role", "b").command("sleep", "300").build());
        engine.startContainer(a);

        LabelFilter mine = LabelFilter.of(TEST_LABEL, run);
        assertThat(names(engine.listContainers(ContainerFilter.all(mine.and("role", "a")))))
                .containsExactly(name("list-a"));
        assertThat(names(engine.listContainers(ContainerFilter.all(mine))))
                .containsExactlyInAnyOrder(name("list-a"), name("list-b"));
        assertThat(names(engine.listContainers(ContainerFilter.running(mine)))).containsExactly(name("list-a"));
        assertThat(engine.listContainers(ContainerFilter.all(mine.and("role", "none")))).isEmpty();
    }

    @Test
    void streamsEventsOfLabelledContainersUntilClosed() throws InterruptedException {
        requires(EngineCapability.EVENTS);
        List<EngineEvent> seen = new CopyOnWriteArrayList<>();
        Subscription sub = engine.events(EventFilter.containers(LabelFilter.of(TEST_LABEL, run)), seen::add);
        try {
            Thread.sleep(300); // let the stream open before acting
            String id = startContainer(spec("events").command("sh", "-c", "exit 0").build());
            await(WAIT, "a start event", () -> seen.stream()
                    .anyMatch(e -> e.action().equals("start") && e.name().equals(name("events"))));
            await(WAIT, "a die event", () -> seen.stream().anyMatch(e -> e.action().equals("die")));
            assertThat(seen).allMatch(e -> e.type() == EngineEvent.Type.CONTAINER)
                    .allMatch(e -> run.equals(e.attributes().get(TEST_LABEL)));
            assertThat(seen.stream().filter(e -> e.action().equals("start")).findFirst().orElseThrow().actorId())
                    .isEqualTo(id);
            assertThat(sub.isActive()).isTrue();
        } finally {
            sub.close();
        }
        assertThat(sub.isActive()).isFalse();
        assertThat(sub.awaitTermination(Duration.ofSeconds(5))).isTrue();
        int before = seen.size();
        startContainer(spec("after").command("sh", "-c", "exit 0").build());
        Thread.sleep(500);
        assertThat(seen).hasSize(before);
        sub.close(); // idempotent
    }

    @Test
    void followsLogsUntilTheContainerStops() throws InterruptedException {
        requires(EngineCapability.LOG_STREAMING);
        String id = engine.createContainer(spec("follow")
                .command("sh", "-c", "for i in 1 2 3; do echo line-$i; sleep 0.3; done").build());
        List<String> lines = new CopyOnWriteArrayList<>();
        engine.startContainer(id);
        Subscription sub = engine.streamLogs(id, LogOptions.ALL.withFollow(true), l -> lines.add(l.text()));
        try {
            assertThat(sub.awaitTermination(WAIT)).as("stream ends when the container exits").isTrue();
        } finally {
            sub.close();
        }
        assertThat(lines).containsExactly("line-1", "line-2", "line-3");
        assertThat(sub.findFailure()).isEmpty();
    }

    /** A context whose Dockerfile uses an ARG, COPY, RUN and LABEL, FROM the local test image. */
    private Path buildContext(Path dir, String dockerfile) throws IOException {
        Files.writeString(dir.resolve("hello.txt"), "hello from the context\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/nested.txt"), "nested\n");
        Files.writeString(dir.resolve("Dockerfile"), dockerfile.replace("BASE", testImage()));
        return dir;
    }

    @Test
    void buildsAnImageFromADockerfile(@TempDir Path dir) throws IOException {
        requires(EngineCapability.BUILD, EngineCapability.EXEC);
        Path context = buildContext(dir, """
                FROM BASE
                ARG GREETING=hi
                COPY hello.txt /hello.txt
                COPY sub /sub
                RUN echo "$GREETING" > /greeting
                LABEL io.p4n4.tck=built
                """);
        String tag = "localhost/p4n4-tck-build:" + engineId();
        List<String> output = new CopyOnWriteArrayList<>();

        String id = engine.buildImage(BuildSpec.builder(context, tag).args(Map.of("GREETING", "yo"))
                .labels(Map.of("io.p4n4.tck.extra", "x")).noCache(true).build(), output::add);

        assertThat(engine.inspectImage(tag).id()).contains(id.replace("sha256:", ""));
        assertThat(String.join("\n", output)).contains("COPY hello.txt /hello.txt");
        String c = startContainer(ContainerSpec.builder(tag).name(name("built")).label(TEST_LABEL, run)
                .command("sleep", "300").build());
        ExecResult r = engine.exec(c, List.of("sh", "-c", "cat /hello.txt /sub/nested.txt /greeting"));
        assertThat(r.stdout()).isEqualTo("hello from the context\nnested\nyo\n");
        assertThat(engine.inspectContainer(c).labels()).containsEntry("io.p4n4.tck", "built")
                .containsEntry("io.p4n4.tck.extra", "x");
    }

    @Test
    void buildsHonourDockerignoreAndLongPathsAndMaskArgumentValues(@TempDir Path dir) throws IOException {
        requires(EngineCapability.BUILD, EngineCapability.EXEC);
        Path deep = Files.createDirectories(dir.resolve("a-rather-long-directory-name-for-tar-headers/"
                + "and-another-level-below-it-to-pass-one-hundred-characters"));
        Files.writeString(deep.resolve("deep-file.txt"), "deep\n");
        Files.writeString(dir.resolve("ignored.txt"), "must not be sent\n");
        Files.writeString(dir.resolve(".dockerignore"), "ignored.txt\n");
        Path context = buildContext(dir, """
                FROM BASE
                ARG TOKEN
                COPY . /ctx
                RUN echo "token is $TOKEN"
                """);
        String tag = "localhost/p4n4-tck-build-ignore:" + engineId();
        List<String> output = new CopyOnWriteArrayList<>();

        engine.buildImage(BuildSpec.builder(context, tag).args(Map.of("TOKEN", "tck-secret-value")).noCache(true)
                .build(), output::add); // no cache: a cached RUN prints nothing

        assertThat(String.join("\n", output)).contains("token is ****").doesNotContain("tck-secret-value");
        String c = startContainer(ContainerSpec.builder(tag).name(name("ignore")).label(TEST_LABEL, run)
                .command("sleep", "300").build());
        ExecResult r = engine.exec(c, List.of("sh", "-c", "cat /ctx/" + dir.relativize(deep).toString()
                .replace('\\', '/') + "/deep-file.txt; test -e /ctx/ignored.txt && echo ignored-was-sent"));
        assertThat(r.stdout()).isEqualTo("deep\n");
    }

    @Test
    void aBuilderErrorNamingAnArgumentValueHasItMasked(@TempDir Path dir) throws IOException {
        requires(EngineCapability.BUILD);
        // the builder expands ARGs in COPY, so its error names the missing file with the value in it
        Path context = buildContext(dir, """
                FROM BASE
                ARG TOKEN
                COPY missing-$TOKEN.txt /x
                """);

        assertThatThrownBy(() -> engine.buildImage(BuildSpec.builder(context, "localhost/p4n4-tck-masked:1")
                .args(Map.of("TOKEN", "tck-secret-value")).build(), l -> { }))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE))
                .hasMessageContaining("missing-****").hasMessageNotContaining("tck-secret-value");
    }

    @Test
    void aFailingBuildStepIsAnEngineErrorQuotingItsOutput(@TempDir Path dir) throws IOException {
        requires(EngineCapability.BUILD);
        Path context = buildContext(dir, """
                FROM BASE
                RUN echo step-is-failing-now; exit 3
                """);

        assertThatThrownBy(() -> engine.buildImage(BuildSpec.of(context, "localhost/p4n4-tck-broken:1"), l -> { }))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE))
                .hasMessageContaining("localhost/p4n4-tck-broken:1").hasMessageContaining("step-is-failing-now");
    }

    @Test
    void aMissingDockerfileIsAUserErrorNamingIt(@TempDir Path dir) {
        requires(EngineCapability.BUILD);
        assertThatThrownBy(() -> engine.buildImage(BuildSpec.builder(dir, "localhost/p4n4-tck-none:1")
                .dockerfile("build/Containerfile").build(), l -> { }))
                .isInstanceOfSatisfying(io.p4n4.api.P4n4Exception.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining(dir.resolve("build/Containerfile").toString());
    }

    @Test
    void creatingFromAMissingImageFailsWithEngineErrorNamingTheImage() {
        String image = "localhost/p4n4-no-such-image:0";
        assertThatThrownBy(() -> engine.createContainer(ContainerSpec.builder(image).name(name("noimage"))
                .label(TEST_LABEL, run).build()))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                    assertThat(e.engine()).contains(engineId());
                    assertThat(e.resource()).contains(image);
                })
                .hasMessageContaining(image);
    }

    @Test
    void inspectingAMissingContainerFailsNamingIt() {
        String missing = name("missing");
        assertThat(engine.findContainer(missing)).isEmpty();
        assertThatThrownBy(() -> engine.inspectContainer(missing))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE))
                .hasMessageContaining(missing);
        assertThatThrownBy(() -> engine.startContainer(missing))
                .isInstanceOf(EngineException.class).hasMessageContaining(missing);
    }

    @Test
    void unreachableEngineFailsWithEngineError() {
        EngineConfig nowhere = EngineConfig.parse("/tmp/p4n4-it/" + run + "-absent.sock");
        assertThatThrownBy(() -> {
            try (ContainerEngine e = createEngine(nowhere)) {
                e.ping();
            }
        }).isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENGINE))
                .hasMessageContaining(engineId());
    }

    /** Skips the test unless the engine lists every one of {@code needed}. */
    private void requires(EngineCapability... needed) {
        for (EngineCapability c : needed) {
            assumeTrue(engine.supports(c), () -> engineId() + " does not list capability " + c);
        }
    }

    private static String httpGet(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(1000);
            try (InputStream in = c.getInputStream()) {
                return c.getResponseCode() == 200 ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
            } finally {
                c.disconnect();
            }
        } catch (IOException notYet) {
            return null;
        }
    }
}
