package io.p4n4.it.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.exec.ComposeExecutor;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.exec.ProgressEvent;
import io.p4n4.compose.exec.ServiceNotReadyException;
import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.testkit.engine.EngineApiReader;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose keys on a real engine: refused keys and bad values stop {@code up} before anything exists, ignored
 * keys warn, file secrets and links work, a changed key recreates, an unhealthy service shows its checks'
 * exit codes. A subclass per engine runs it unchanged; everything carries the test's own project label.
 */
@Tag("engine")
abstract class ComposeKeysContract {
    private static final String IMAGE = "localhost/p4n4-test-busybox:1";
    private static final String SLEEP = "[\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 600 & wait\"]";

    private ContainerEngine engine;
    private ComposeExecutor compose;
    private String project;
    @TempDir
    Path dir;

    protected abstract String engineId();

    protected abstract String endpointVariable();

    /** The exit code the engine records for a check that ran {@code exit 3}. */
    protected abstract int recordedExitCodeOfExit3();

    @BeforeEach
    void connect() {
        engine = TestEngines.connectAt(engineId(), TestEngines.requireEndpoint(endpointVariable()));
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        compose = ComposeExecutor.create(engine);
        project = "p4n4keys" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() {
        if (engine != null) {
            EngineUnderTest.removeProject(engine, project);
            engine.close();
        }
    }

    private ComposeProject load(String yaml) throws IOException {
        Path file = dir.resolve("compose.yaml");
        Files.writeString(file, yaml);
        return ComposeLoader.load(LoadOptions.builder().file(file).projectName(project).environment(Map.of())
                .build());
    }

    private void assertNothingCreated() {
        LabelFilter mine = LabelFilter.of(ComposeLabels.PROJECT, project);
        assertThat(engine.listContainers(ContainerFilter.all(mine))).as("no container").isEmpty();
        assertThat(engine.listNetworks(mine)).as("no network").isEmpty();
        assertThat(engine.listVolumes(mine)).as("no volume").isEmpty();
    }

    @Test
    void aRefusedKeyFailsUpNamingServiceAndKeyBeforeAnythingIsCreated() throws IOException {
        ComposeProject p = load("""
                services:
                  db:
                    image: %s
                    command: %s
                    volumes: [data:/data]
                  console:
                    image: %s
                    tty: true
                    stdin_open: true
                    depends_on: [db]
                volumes:
                  data:
                """.formatted(IMAGE, SLEEP, IMAGE));

        assertThatThrownBy(() -> compose.up(p, UpOptions.defaults()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service console").hasMessageContaining("tty (")
                .hasMessageContaining("stdin_open (").hasMessageContaining("remove tty");
        assertNothingCreated();
    }

    @Test
    void aBadValueFailsUpNamingServiceAndKeyBeforeAnythingIsCreated() throws IOException {
        ComposeProject p = load("""
                services:
                  db:
                    image: %s
                    command: %s
                  app:
                    image: %s
                    mem_limit: plenty
                    depends_on: [db]
                """.formatted(IMAGE, SLEEP, IMAGE));

        assertThatThrownBy(() -> compose.up(p, UpOptions.defaults()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app: mem_limit is 'plenty'");
        assertNothingCreated();
    }

    @Test
    void anIgnoredKeyWarnsNamingServiceAndKeyAndUpGoesOn() throws IOException {
        ComposeProject p = load("""
                services:
                  app:
                    image: %s
                    command: %s
                    deploy:
                      placement:
                        constraints: [node.role == manager]
                """.formatted(IMAGE, SLEEP));
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        UpResult result = compose.up(p, UpOptions.builder().progress(events::add).build());

        assertThat(result.created()).containsExactly("app");
        assertThat(events).filteredOn(e -> e.step() == ProgressEvent.Step.WARNING).singleElement()
                .satisfies(e -> {
                    assertThat(e.subject()).isEqualTo("app");
                    assertThat(e.detail()).startsWith("deploy.placement is ignored");
                });
        assertThat(engine.inspectContainer(project + "-app-1").state()).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void anUnhealthyServiceThatPrintsNothingShowsItsChecksExitCodes() throws IOException {
        ComposeProject p = load("""
                services:
                  silent:
                    image: %s
                    command: %s
                    healthcheck:
                      test: ["CMD-SHELL", "exit 3"]
                      interval: 1s
                      timeout: 5s
                      retries: 2
                """.formatted(IMAGE, SLEEP));

        assertThatThrownBy(() -> compose.up(p, UpOptions.builder().waitReady(true).timeout(Duration.ofSeconds(60))
                .build()))
                .isInstanceOfSatisfying(ServiceNotReadyException.class, e -> {
                    assertThat(e.service()).isEqualTo("silent");
                    assertThat(e.timedOut()).isFalse();
                    assertThat(e.findLastHealthOutput()).isEmpty();
                })
                .hasMessageContaining("service silent").hasMessageContaining("unhealthy")
                .hasMessageContaining("exit " + recordedExitCodeOfExit3() + ", no output")
                .hasMessageNotContaining("none yet");
    }

    @Test
    void aFileSecretAndAFileConfigAreReadOnlyFilesWhereComposePutsThem() throws IOException {
        Files.writeString(dir.resolve("db-password.txt"), "hunter2");
        Files.writeString(dir.resolve("app.ini"), "[app]\nport=80\n");
        ComposeProject p = load("""
                services:
                  app:
                    image: %s
                    command: %s
                    secrets: [db_password]
                    configs:
                      - source: app_ini
                        target: etc/app.ini
                secrets:
                  db_password:
                    file: ./db-password.txt
                configs:
                  app_ini:
                    file: ./app.ini
                """.formatted(IMAGE, SLEEP));

        compose.up(p, UpOptions.defaults());

        String app = project + "-app-1";
        // the marker shows where the file ends whatever the engine's exec stream does with a last partial line
        assertThat(engine.exec(app, List.of("sh", "-c", "cat /run/secrets/db_password; echo '<end>'")).stdout())
                .isEqualTo("hunter2<end>\n");
        assertThat(engine.exec(app, List.of("sh", "-c", "cat /etc/app.ini; echo '<end>'")).stdout())
                .isEqualTo("[app]\nport=80\n<end>\n");
        ExecResult write = engine.exec(app, List.of("sh", "-c", "echo x > /run/secrets/db_password"));
        assertThat(write.exitCode()).as("read-only").isNotZero();
    }

    @Test
    void volumeOptionsOfBothSyntaxesReachTheMounts() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/f"), "bound\n");
        ComposeProject p = load("""
                services:
                  app:
                    image: %s
                    command: %s
                    volumes:
                      - ./data:/data:ro,z
                      - ./data:/private:private
                      - cache:/etc:nocopy
                      - type: tmpfs
                        target: /scratch
                        tmpfs:
                          size: 8m
                          mode: 01770
                volumes:
                  cache: {}
                """.formatted(IMAGE, SLEEP));

        compose.up(p, UpOptions.defaults());

        String app = onlyContainer();
        assertThat(sh(app, "cat /data/f /private/f")).isEqualTo("bound\nbound\n");
        assertThat(sh(app, "touch /data/x 2>/dev/null || echo read-only")).isEqualTo("read-only\n");
        assertThat(sh(app, "test -e /etc/passwd || echo 'not copied'")).isEqualTo("not copied\n");
        assertThat(sh(app, "grep ' /scratch ' /proc/mounts")).contains("size=8192k").contains("mode=1770");
        JsonNode mounts = EngineApiReader.of(engine.endpoint()).get("/v1.41/containers/" + app + "/json")
                .path("Mounts");
        assertThat(mounts).filteredOn(m -> m.path("Destination").asText().equals("/private"))
                .singleElement().satisfies(m -> assertThat(m.path("Propagation").asText()).isEqualTo("private"));
    }

    @Test
    void aFixedAddressOnANetworkWithASubnetIsTheContainers() throws IOException {
        int block = new java.util.Random().nextInt(250); // other runs on this host must not share the subnet
        ComposeProject p = load("""
                services:
                  app:
                    image: %s
                    command: %s
                    networks:
                      fixed:
                        ipv4_address: 10.215.%d.42
                networks:
                  fixed:
                    ipam:
                      config:
                        - subnet: 10.215.%d.0/24
                """.formatted(IMAGE, SLEEP, block, block));

        compose.up(p, UpOptions.defaults());

        assertThat(sh(onlyContainer(), "ip -4 addr show eth0")).contains("10.215." + block + ".42/24");
    }

    @Test
    void aLinkedServiceAnswersToItsAliasAndStartsFirst() throws IOException {
        ComposeProject p = load("""
                services:
                  web:
                    image: %s
                    command: %s
                    links: ["db:database"]
                  db:
                    image: %s
                    command: ["sh", "-c", "mkdir -p /www && echo linked > /www/index.html && httpd -f -p 8080 -h /www"]
                """.formatted(IMAGE, SLEEP, IMAGE));

        UpResult result = compose.up(p, UpOptions.defaults());

        assertThat(result.created()).containsExactly("db", "web");
        ExecResult get = engine.exec(project + "-web-1", List.of("sh", "-c",
                "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://database:8080/ && exit 0; sleep 0.5; done;"
                        + " exit 1"));
        assertThat(get.stdout()).as("stderr: %s", get.stderr()).isEqualTo("linked\n");
    }

    @Test
    void aChangedAppliedKeyRecreatesTheServiceAlone() throws IOException {
        String yaml = """
                services:
                  db:
                    image: %s
                    command: %s
                  app:
                    image: %s
                    command: %s
                    extra_hosts: ["registry.local:10.0.0.1"]
                """.formatted(IMAGE, SLEEP, IMAGE, SLEEP);
        compose.up(load(yaml), UpOptions.defaults());

        UpResult same = compose.up(load(yaml), UpOptions.defaults());
        UpResult changed = compose.up(load(yaml.replace("10.0.0.1", "10.0.0.2")), UpOptions.defaults());

        assertThat(same.nothingChanged()).as("%s", same).isTrue();
        assertThat(changed.recreated()).containsExactly("app");
        assertThat(changed.unchanged()).containsExactly("db");
    }

    @Test
    void appliedKeysReachTheEngineAsComposeWroteThem() throws IOException {
        Files.writeString(dir.resolve("compose.yaml"), """
                services:
                  app:
                    image: %s
                    command: %s
                    cap_add: [NET_ADMIN]
                    cap_drop: [MKNOD]
                    tmpfs: ["/scratch:size=8m"]
                    ulimits:
                      nofile: {soft: 1024, hard: 2048}
                      nproc: 4096
                    sysctls: {net.core.somaxconn: 1024}
                    extra_hosts: ["db.example:10.1.2.3"]
                    dns_search: [p4n4.test]
                    dns_opt: ["ndots:2"]
                    mem_limit: 64m
                    pids_limit: 100
                    shm_size: 16m
                    oom_score_adj: 200
                    group_add: ["4242"]
                    expose: ["7070/udp"]
                    logging:
                      driver: json-file
                      options: {max-size: 1m}
                    secrets:
                      - source: token
                        uid: "1000"
                        gid: "1000"
                        mode: 0400
                    configs:
                      - source: settings
                        target: /etc/app/settings.conf
                secrets:
                  token:
                    environment: APP_TOKEN
                configs:
                  settings:
                    content: "level=debug"
                """.formatted(IMAGE, SLEEP));
        ComposeProject withEnv = ComposeLoader.load(LoadOptions.builder().file(dir.resolve("compose.yaml"))
                .projectName(project).environment(Map.of("APP_TOKEN", "s3cr3t-t0ken")).build());

        UpResult up = compose.up(withEnv, UpOptions.defaults());
        assertThat(up.created()).containsExactly("app");
        String id = onlyContainer();
        JsonNode inspect = EngineApiReader
                .of(engine.endpoint()).get("/v1.41/containers/" + id + "/json");
        JsonNode host = inspect.path("HostConfig");
        assertThat(texts(host.path("CapAdd"))).anyMatch(c -> c.endsWith("NET_ADMIN"));
        assertThat(texts(host.path("CapDrop"))).anyMatch(c -> c.endsWith("MKNOD"));
        assertThat(host.path("Memory").asLong()).isEqualTo(64L << 20);
        assertThat(host.path("PidsLimit").asLong()).isEqualTo(100);
        assertThat(host.path("ShmSize").asLong()).isEqualTo(16L << 20);
        assertThat(host.path("OomScoreAdj").asInt()).isEqualTo(200);
        assertThat(texts(host.path("ExtraHosts"))).contains("db.example:10.1.2.3");
        assertThat(texts(host.path("DnsSearch"))).contains("p4n4.test");
        assertThat(texts(host.path("DnsOptions"))).contains("ndots:2");
        assertThat(texts(host.path("GroupAdd"))).contains("4242");
        assertThat(host.path("LogConfig").path("Type").asText()).isEqualTo("json-file");
        // Podman reads log sizes as decimal units and shows them so (1m -> 1MB), as its CLI does
        assertThat(maxLogSize(id, host)).isEqualTo(engineId().equals("podman") ? "1MB" : "1m");
        assertThat(inspect.path("Config").path("ExposedPorts").has("7070/udp")).isTrue();

        // and their effect inside the running container
        assertThat(sh(id, "touch /scratch/x && echo ok")).contains("ok");
        // the main process's limits (Podman's exec raises an exec'd shell's soft limit to the hard one)
        assertThat(sh(id, "grep 'open files' /proc/1/limits")).containsPattern("Max open files\\s+1024\\s+2048");
        assertThat(sh(id, "cat /proc/sys/net/core/somaxconn")).contains("1024");
        assertThat(sh(id, "grep db.example /etc/hosts")).contains("10.1.2.3");
        assertThat(sh(id, "cat /etc/resolv.conf")).contains("p4n4.test").contains("ndots:2");
        assertThat(sh(id, "stat -c '%u %g %a' /run/secrets/token; cat /run/secrets/token; echo"))
                .contains("1000 1000 400").contains("s3cr3t-t0ken");
        assertThat(sh(id, "cat /etc/app/settings.conf; echo")).contains("level=debug");
    }

    @Test
    void aReadOnlyRootRefusesWritesButItsTmpfsTakesThem() throws IOException {
        ComposeProject p = load("""
                services:
                  app:
                    image: %s
                    command: %s
                    read_only: true
                    tmpfs: ["/scratch"]
                """.formatted(IMAGE, SLEEP));

        compose.up(p, UpOptions.defaults());
        String id = onlyContainer();
        assertThat(EngineApiReader.of(engine.endpoint())
                .get("/v1.41/containers/" + id + "/json").path("HostConfig").path("ReadonlyRootfs").asBoolean())
                .isTrue();
        assertThat(sh(id, "touch /written-to-root 2>&1; echo rc=$?")).contains("rc=1");
        assertThat(sh(id, "touch /scratch/x && echo ok")).contains("ok");
    }

    @Test
    void aSecretWithAnOwnerOnAReadOnlyRootIsWrittenOrRefusedBeforeAnythingIsCreated() throws IOException {
        ComposeProject p = load("""
                services:
                  app:
                    image: %s
                    command: %s
                    read_only: true
                    secrets:
                      - source: token
                        mode: 0400
                secrets:
                  token:
                    environment: APP_TOKEN
                """.formatted(IMAGE, SLEEP));
        ComposeProject withEnv = ComposeLoader.load(LoadOptions.builder().file(dir.resolve("compose.yaml"))
                .projectName(project).environment(Map.of("APP_TOKEN", "s3cr3t-t0ken")).build());

        if (writesFilesIntoAReadOnlyRoot()) {
            compose.up(withEnv, UpOptions.defaults());
            String id = onlyContainer();
            assertThat(sh(id, "stat -c '%a' /run/secrets/token; cat /run/secrets/token; echo"))
                    .contains("400").contains("s3cr3t-t0ken");
            return;
        }
        assertThatThrownBy(() -> compose.up(withEnv, UpOptions.defaults()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app").hasMessageContaining("secrets")
                .hasMessageContaining("read_only").hasMessageNotContaining("s3cr3t-t0ken");
        assertNothingCreated();
    }

    /** Whether the engine writes files into a container whose root is read-only (Podman does; dockerd refuses). */
    protected abstract boolean writesFilesIntoAReadOnlyRoot();

    /** The logging driver's {@code max-size} as the engine reports it. */
    private String maxLogSize(String id, JsonNode compatHost) {
        if (!engineId().equals("podman")) {
            return compatHost.path("LogConfig").path("Config").path("max-size").asText();
        }
        // Podman's compatible inspect leaves the options out; libpod's has the size
        return EngineApiReader.of(engine.endpoint())
                .get("/v4.0.0/libpod/containers/" + id + "/json").path("HostConfig").path("LogConfig").path("Size")
                .asText();
    }

    @Test
    void aSettingTheEngineCannotApplyFailsUpNamingTheComposeKeyBeforeAnythingIsCreated() throws IOException {
        // healthcheck start_interval needs Docker Engine API 1.44; dockerd 20.10 speaks 1.41 and Podman 4.3 has no
        // such field: both backends list it as unsupported, so up must refuse it by its compose name
        ComposeProject p = load("""
                services:
                  db:
                    image: %s
                    command: %s
                  app:
                    image: %s
                    command: %s
                    healthcheck:
                      test: ["CMD", "true"]
                      start_period: 10s
                      start_interval: 1s
                    depends_on: [db]
                """.formatted(IMAGE, SLEEP, IMAGE, SLEEP));

        assertThatThrownBy(() -> compose.up(p, UpOptions.defaults()))
                .isInstanceOfSatisfying(P4n4Exception.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USER))
                .hasMessageContaining("service app").hasMessageContaining("healthcheck.start_interval");
        assertNothingCreated();
    }

    /** The id of the project's one container. */
    private String onlyContainer() {
        var containers = engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, project)));
        assertThat(containers).hasSize(1);
        return containers.get(0).id();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private String sh(String container, String script) {
        ExecResult r = engine.exec(container, List.of("sh", "-c", script));
        return r.stdout() + r.stderr();
    }
}
