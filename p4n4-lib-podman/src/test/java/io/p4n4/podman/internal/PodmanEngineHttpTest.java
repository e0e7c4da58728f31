package io.p4n4.podman.internal;

import static io.p4n4.podman.internal.ScriptedLibpod.fixture;
import static io.p4n4.podman.internal.ScriptedLibpod.frame;
import static io.p4n4.podman.internal.ScriptedLibpod.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerHealth;
import io.p4n4.api.engine.ContainerInfo;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.DeviceMapping;
import io.p4n4.api.engine.EngineCapability;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.engine.EngineEvent;
import io.p4n4.api.engine.EngineVersion;
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
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.api.registry.RegistryCredentialStore;
import io.p4n4.api.engine.RemoveContainerOptions;
import io.p4n4.api.engine.RemoveVolumeOptions;
import io.p4n4.api.engine.RestartPolicy;
import io.p4n4.api.engine.Subscription;
import io.p4n4.api.engine.VolumeInfo;
import io.p4n4.api.engine.VolumeSpec;
import io.p4n4.testkit.await.Waits;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Timeout;

/** The engine against a scripted libpod service answering with payloads captured from Podman 4.3.1. */
@Timeout(30)
class PodmanEngineHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ScriptedLibpod libpod;
    private PodmanEngine engine;

    @BeforeEach
    void start() throws Exception {
        libpod = new ScriptedLibpod();
        engine = new PodmanEngine(new EngineConfig(libpod.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        libpod.close();
    }

    @Test
    void versionNamesPodmanAndTheLibpodApi() {
        libpod.on("GET", "/version", fixture(200, "version.json"));
        EngineVersion v = engine.version();
        assertThat(v.product()).isEqualTo("Podman Engine");
        assertThat(v.version()).isEqualTo("4.3.1");
        assertThat(v.serverApiVersion()).isEqualTo("4.3.1");
        assertThat(v.negotiatedApiVersion()).isEqualTo("4.0.0");
        assertThat(v.os()).isEqualTo("linux");
    }

    @Test
    void aDockerDaemonIsNotTakenForPodman() {
        libpod.on("GET", "/version", json(200, "{\"Components\":[{\"Name\":\"Engine\",\"Version\":\"20.10.24\"}],"
                + "\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\"}"));
        assertThatThrownBy(engine::version).isInstanceOf(EngineException.class)
                .hasMessageContaining("is not Podman").hasMessageContaining(libpod.endpoint().toString());
    }

    @Test
    void pingTellsPodmanFromDockerByTheLibpodHeader() {
        libpod.on("GET", "/_ping", json(200, "OK"));
        assertThat(engine.libpodVersion()).isEqualTo("4.3.1");
        libpod.on("GET", "/_ping", new MockResponse().setResponseCode(200).setBody("OK")
                .setHeader("Server", "Docker/20.10.24+dfsg1 (linux)"));
        assertThatThrownBy(engine::ping).isInstanceOf(EngineException.class).hasMessageContaining("is not Podman");
        libpod.on("GET", "/_ping", json(404, "{\"message\":\"page not found\"}"));
        assertThatThrownBy(engine::ping).isInstanceOf(EngineException.class).hasMessageContaining("is not Podman");
        libpod.on("GET", "/_ping", json(200, "OK").setHeader("Libpod-Api-Version", "3.4.4"));
        assertThatThrownBy(engine::ping).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.COMPATIBILITY));
    }

    @Test
    void versionIsAskedOnceBecausePodmanComputesItSlowly() {
        libpod.on("GET", "/version", fixture(200, "version.json"));
        engine.version();
        engine.version();
        assertThat(libpod.requests("GET", "/version")).hasSize(1);
    }

    @Test
    void podman3IsRefusedAsIncompatible() {
        libpod.on("GET", "/version", json(200, "{\"Components\":[{\"Name\":\"Podman Engine\",\"Version\":\"3.4.4\","
                + "\"Details\":{\"APIVersion\":\"3.4.4\"}}],\"Version\":\"3.4.4\"}"));
        assertThatThrownBy(engine::version).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.COMPATIBILITY)).hasMessageContaining("3.4.4");
    }

    @Test
    void infoCountsContainersAndImagesWithoutTheSlowVersionCall() {
        libpod.on("GET", "/info", fixture(200, "info.json"));
        var info = engine.info();
        assertThat(info.version().version()).isEqualTo("4.3.1");
        assertThat(info.version().architecture()).isEqualTo("amd64");
        assertThat(libpod.requests("GET", "/version")).isEmpty();
        assertThat(info.engineId()).isEqualTo("podman");
        assertThat(info.storageDriver()).isEqualTo("overlay");
        assertThat(info.rootless()).isFalse();
        assertThat(info.images()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void inspectReadsStateHealthPortsAndTimes() {
        libpod.on("GET", "/containers/fixture-web/json", fixture(200, "container-inspect-starting.json"));
        libpod.on("GET", "/containers/4e8a6962570b0d70dff4600df3ee91d4737481ef3beb3f760ddd38be455d8d72/healthcheck",
                fixture(200, "healthcheck-failed.json"));
        ContainerInfo c = engine.findContainer("fixture-web").orElseThrow();
        assertThat(c.name()).isEqualTo("fixture-web");
        assertThat(c.id()).startsWith("4e8a6962570b");
        assertThat(c.image()).isEqualTo("localhost/p4n4-test-busybox:1");
        assertThat(c.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(c.health().status()).isEqualTo(HealthStatus.STARTING);
        assertThat(c.health().failingStreak()).isEqualTo(1);
        assertThat(c.health().lastExitCode()).isEqualTo(1);
        assertThat(c.health().lastOutput()).isEqualTo("wget: server returned error: HTTP/1.1 404 Not Found");
        assertThat(c.findHostPort(8080)).contains(46159);
        assertThat(c.ports()).containsExactly(PortBinding.tcp("127.0.0.1", 46159, 8080));
        assertThat(c.labels()).containsEntry("com.docker.compose.project", "demo");
        assertThat(c.networkAddresses()).containsKey("podman");
        assertThat(c.startedAt()).isEqualTo(Instant.parse("2026-11-22T07:19:19.182493585Z"));
        assertThat(c.finishedAt()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void pollingAStartingContainerDrivesItsHealthcheckInTheBackground() throws Exception {
        String id = "4e8a6962570b0d70dff4600df3ee91d4737481ef3beb3f760ddd38be455d8d72";
        libpod.on("GET", "/containers/fixture-web/json", fixture(200, "container-inspect-starting.json"));
        libpod.on("GET", "/containers/" + id + "/healthcheck", fixture(200, "healthcheck-failed.json"));
        engine.findContainer("fixture-web");
        // the fixture's last check is long past, so the first background run is due at once, then every 2 s
        Waits.within(Duration.ofSeconds(5), Duration.ofMillis(20)).alias("a background healthcheck")
                .until(() -> !libpod.requests("GET", "/containers/" + id + "/healthcheck").isEmpty());
        assertThat(libpod.requests("GET", "/containers/" + id + "/healthcheck")).hasSize(1);
        engine.close();
        Thread.sleep(2500);
        assertThat(libpod.requests("GET", "/containers/" + id + "/healthcheck"))
                .as("no check after close").hasSize(1);
    }

    @Test
    void missingContainerIsEmptyAndInspectNamesIt() {
        libpod.on("GET", "/containers/nope/json", fixture(404, "error-no-such-container.json"));
        assertThat(engine.findContainer("nope")).isEmpty();
        assertThatThrownBy(() -> engine.inspectContainer("nope")).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
            assertThat(e.engine()).contains("podman");
            assertThat(e.resource()).contains("nope");
        });
    }

    @Test
    void createSendsLibpodsSpecGeneratorBody() throws Exception {
        libpod.on("POST", "/containers/create", json(201, "{\"Id\":\"abc123\",\"Warnings\":[]}"));
        ContainerSpec spec = ContainerSpec.builder("eclipse-mosquitto:2")
                .name("demo-mqtt-1")
                .command("mosquitto", "-c", "/mosquitto/config/mosquitto.conf")
                .entrypoint(List.of("/docker-entrypoint.sh"))
                .env("TZ", "UTC").env("SECRET_TOKEN", "s3cr3t")
                .port(PortBinding.tcp("127.0.0.1", 1883, 1883))
                .mount(Mount.bind("/srv/conf", "/mosquitto/config").asReadOnly())
                .mount(Mount.volume("demo_data", "/mosquitto/data"))
                .mount(Mount.tmpfs("/run"))
                .network(NetworkAttachment.of("p4n4-net", "mqtt", "mosquitto"))
                .label("com.docker.compose.project", "demo")
                .healthcheck(new HealthcheckSpec(List.of("CMD", "mosquitto_sub", "-t", "x"), Duration.ofSeconds(5),
                        Duration.ZERO, 0, Duration.ofSeconds(2)))
                .restartPolicy(RestartPolicy.parse("on-failure:4"))
                .user("1883:1883").workingDir("/mosquitto").hostname("mqtt")
                .device(DeviceMapping.of("/dev/ttyUSB0"))
                .stopSignal("SIGINT").stopTimeout(Duration.ofSeconds(5))
                .build();
        assertThat(engine.createContainer(spec)).isEqualTo("abc123");

        RecordedRequest r = libpod.requests("POST", "/containers/create").get(0);
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(r.getBody().readUtf8());
        assertThat(body.path("image").asText()).isEqualTo("eclipse-mosquitto:2");
        assertThat(body.path("name").asText()).isEqualTo("demo-mqtt-1");
        assertThat(body.path("command").toString()).isEqualTo("[\"mosquitto\",\"-c\",\"/mosquitto/config/mosquitto.conf\"]");
        assertThat(body.path("entrypoint").toString()).isEqualTo("[\"/docker-entrypoint.sh\"]");
        assertThat(body.path("env").path("SECRET_TOKEN").asText()).isEqualTo("s3cr3t");
        assertThat(body.path("portmappings").get(0).toString())
                .isEqualTo("{\"container_port\":1883,\"host_port\":1883,\"host_ip\":\"127.0.0.1\",\"protocol\":\"tcp\"}");
        assertThat(body.path("mounts")).hasSize(2);
        JsonNode bind = body.path("mounts").get(0);
        assertThat(bind.path("type").asText()).isEqualTo("bind");
        assertThat(bind.path("source").asText()).isEqualTo("/srv/conf");
        assertThat(bind.path("destination").asText()).isEqualTo("/mosquitto/config");
        assertThat(bind.path("options").toString()).contains("\"ro\"");
        assertThat(body.path("mounts").get(1).path("type").asText()).isEqualTo("tmpfs");
        assertThat(body.path("volumes").get(0).toString())
                .contains("\"Name\":\"demo_data\"").contains("\"Dest\":\"/mosquitto/data\"");
        assertThat(body.path("Networks").path("p4n4-net").path("aliases").toString()).isEqualTo("[\"mqtt\",\"mosquitto\"]");
        assertThat(body.path("netns").path("nsmode").asText()).isEqualTo("bridge");
        JsonNode hc = body.path("healthconfig");
        assertThat(hc.path("Test").toString()).isEqualTo("[\"CMD\",\"mosquitto_sub\",\"-t\",\"x\"]");
        assertThat(hc.path("Interval").asLong()).isEqualTo(5_000_000_000L);
        assertThat(hc.path("Timeout").asLong()).as("Docker's default").isEqualTo(30_000_000_000L);
        assertThat(hc.path("Retries").asInt()).as("Docker's default").isEqualTo(3);
        assertThat(hc.path("StartPeriod").asLong()).isEqualTo(2_000_000_000L);
        assertThat(body.path("restart_policy").asText()).isEqualTo("on-failure");
        assertThat(body.path("restart_tries").asInt()).isEqualTo(4);
        assertThat(body.path("user").asText()).isEqualTo("1883:1883");
        assertThat(body.path("work_dir").asText()).isEqualTo("/mosquitto");
        assertThat(body.path("hostname").asText()).isEqualTo("mqtt");
        assertThat(body.path("devices").get(0).path("path").asText()).isEqualTo("/dev/ttyUSB0:/dev/ttyUSB0:rwm");
        assertThat(body.path("stop_signal").asInt()).isEqualTo(2);
        assertThat(body.path("stop_timeout").asInt()).isEqualTo(5);
    }

    @Test
    void aLocalOnlyImageThatIsMissingSaysSoWithPodmansNamingRule() {
        libpod.on("POST", "/containers/create", fixture(500, "error-create-image-not-known.json"));
        ContainerSpec spec = ContainerSpec.builder("mosquitto-local-only:1").name("x").build();
        assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
            assertThat(e.engine()).contains("podman");
            assertThat(e.resource()).contains("mosquitto-local-only:1");
            assertThat(e.getMessage()).contains("no such image").contains("localhost/mosquitto-local-only:1")
                    .contains("short names");
        });
    }

    @Test
    void aTakenNameIsReportedWithTheName() {
        libpod.on("POST", "/containers/create", json(500, "{\"cause\":\"that name is already in use\","
                + "\"message\":\"creating container storage: the container name \\\"web\\\" is already in use by abc."
                + " You have to remove that container to be able to reuse that name: that name is already in use\","
                + "\"response\":500}"));
        assertThatThrownBy(() -> engine.createContainer(ContainerSpec.builder("x:1").name("web").build()))
                .isInstanceOf(EngineException.class).hasMessageContaining("container name web is already in use");
    }

    @Test
    void secretsNeverReachErrorMessages() {
        libpod.on("POST", "/containers/create", json(500, "{\"message\":\"boom\",\"response\":500}"));
        ContainerSpec spec = ContainerSpec.builder("x:1").name("web").env("PASSWORD", "hunter2-secret").build();
        assertThatThrownBy(() -> engine.createContainer(spec)).isInstanceOf(EngineException.class)
                .hasMessageContaining("boom").hasMessageNotContaining("hunter2-secret");
    }

    @Test
    void listFiltersByLabelServerSide() throws Exception {
        libpod.on("GET", "/containers/json", fixture(200, "containers-list.json"));
        List<ContainerSummary> list = engine.listContainers(
                ContainerFilter.all(LabelFilter.of("io.p4n4.test", "fixture")));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).name()).isEqualTo("fixture-web");
        assertThat(list.get(0).state()).isEqualTo(ContainerState.RUNNING);
        assertThat(list.get(0).labels()).containsEntry("io.p4n4.test", "fixture");
        RecordedRequest r = libpod.requests("GET", "/containers/json").get(0);
        assertThat(r.getRequestUrl().queryParameter("all")).isEqualTo("true");
        assertThat(JSON.readTree(r.getRequestUrl().queryParameter("filters")).toString())
                .isEqualTo("{\"label\":[\"io.p4n4.test=fixture\"]}");
    }

    @Test
    void logsAreSplitIntoLinesPerStream() throws Exception {
        libpod.on("GET", "/containers/web/logs", ScriptedLibpod.binary(ScriptedLibpod.bytes("logs-multiplexed.bin")));
        List<LogLine> lines = engine.logs("web", LogOptions.tail(10));
        assertThat(lines).containsExactly(new LogLine(LogStream.STDOUT, Instant.EPOCH, "out"),
                new LogLine(LogStream.STDERR, Instant.EPOCH, "err"));
        RecordedRequest r = libpod.requests("GET", "/containers/web/logs").get(0);
        assertThat(r.getRequestUrl().queryParameter("tail")).isEqualTo("10");
        assertThat(r.getRequestUrl().queryParameter("follow")).isEqualTo("false");
        assertThat(r.getRequestUrl().queryParameter("stdout")).isEqualTo("true");
    }

    @Test
    void timestampedLogLinesCarryTheirInstant() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(frame(1, "2026-11-22T07:08:32.123456789Z hello world\n"));
        libpod.on("GET", "/containers/web/logs", ScriptedLibpod.binary(body.toByteArray()));
        List<LogLine> lines = engine.logs("web", LogOptions.ALL.withTimestamps(true));
        assertThat(lines).containsExactly(new LogLine(LogStream.STDOUT,
                Instant.parse("2026-11-22T07:08:32.123456789Z"), "hello world"));
    }

    @Test
    void logsOfAMissingContainerNameIt() {
        libpod.on("GET", "/containers/gone/logs", fixture(404, "error-no-such-container.json"));
        assertThatThrownBy(() -> engine.logs("gone", LogOptions.ALL)).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.resource()).contains("gone")).hasMessageContaining("container gone does not exist");
    }

    @Test
    void followingLogsIsNotAllowedInTheBlockingCall() {
        assertThatThrownBy(() -> engine.logs("web", LogOptions.ALL.withFollow(true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streamLogs");
    }

    @Test
    void execCollectsBothOutputsAndTheExitCode() throws Exception {
        libpod.on("POST", "/containers/web/exec", json(201, "{\"Id\":\"e1\"}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(frame(1, "hi\n"));
        out.writeBytes(frame(2, "bad\n"));
        libpod.on("POST", "/exec/e1/start", new MockResponse().setResponseCode(200)
                .setHeader("Content-Type", "application/vnd.docker.raw-stream")
                .setBody(new okio.Buffer().write(out.toByteArray())));
        libpod.on("GET", "/exec/e1/json", json(200, "{\"ExitCode\":3,\"ID\":\"e1\",\"Running\":false}"));
        ExecResult r = engine.exec("web", List.of("sh", "-c", "echo hi; echo bad >&2; exit 3"));
        assertThat(r).isEqualTo(new ExecResult(3, "hi\n", "bad\n"));
        JsonNode create = JSON.readTree(libpod.requests("POST", "/containers/web/exec").get(0).getBody().readUtf8());
        assertThat(create.path("Cmd").toString()).isEqualTo("[\"sh\",\"-c\",\"echo hi; echo bad >&2; exit 3\"]");
        assertThat(create.path("AttachStdout").asBoolean()).isTrue();
    }

    @Test
    void runHealthcheckRunsTheCheckThenReportsTheContainersHealth() {
        String id = "4e8a6962570b0d70dff4600df3ee91d4737481ef3beb3f760ddd38be455d8d72";
        libpod.on("GET", "/containers/web/json", fixture(200, "container-inspect-starting.json"));
        libpod.on("GET", "/containers/" + id + "/json", fixture(200, "container-inspect-starting.json"));
        libpod.on("GET", "/containers/" + id + "/healthcheck", fixture(200, "healthcheck-failed.json"));
        ContainerHealth h = engine.runHealthcheck("web");
        // the check itself failed, but with 1 of 3 retries used the container is still starting
        assertThat(h.status()).isEqualTo(HealthStatus.STARTING);
        assertThat(h.failingStreak()).isEqualTo(1);
        // run by id (so a name and an id never check twice at once); the next run is 2 s away
        assertThat(libpod.requests("GET", "/containers/" + id + "/healthcheck")).hasSize(1);
        assertThat(engine.supports(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE)).isFalse();
        assertThat(engine.capabilities()).containsAll(EnumSet.complementOf(
                EnumSet.of(EngineCapability.HEALTHCHECKS_RUN_BY_ENGINE)));
    }

    @Test
    void runHealthcheckOnAContainerWithoutOneIsNone() throws Exception {
        libpod.on("GET", "/containers/4e8a6962570b0d70dff4600df3ee91d4737481ef3beb3f760ddd38be455d8d72/healthcheck",
                json(409, "{\"cause\":\"container abc has no defined "
                + "healthcheck\",\"message\":\"container abc has no defined healthcheck\",\"response\":409}"));
        JsonNode inspect = JSON.readTree(ScriptedLibpod.text("container-inspect-starting.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) inspect.path("Config")).remove("Healthcheck");
        ((com.fasterxml.jackson.databind.node.ObjectNode) inspect.path("State")).putObject("Health")
                .put("Status", "").put("FailingStreak", 0).putNull("Log");
        libpod.on("GET", "/containers/plain/json", json(200, inspect.toString()));
        libpod.on("GET", "/containers/" + inspect.path("Id").asText() + "/json", json(200, inspect.toString()));
        assertThat(engine.runHealthcheck("plain")).isEqualTo(ContainerHealth.NONE);
    }

    @Test
    void runHealthcheckOfAMissingContainerNamesIt() {
        libpod.on("GET", "/containers/gone/json", fixture(404, "error-no-such-container.json"));
        assertThatThrownBy(() -> engine.runHealthcheck("gone")).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.resource()).contains("gone"));
    }

    @Test
    void eventsArriveParsedWithPodmansHealthWordAsAnAttribute() throws Exception {
        String started = "{\"status\":\"start\",\"id\":\"c1\",\"from\":\"x\",\"Type\":\"container\",\"Action\":\"start\","
                + "\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"containerExitCode\":\"0\",\"image\":\"x\",\"name\":\"web\","
                + "\"io.p4n4.test\":\"ev\",\"podId\":\"\"}},\"scope\":\"local\",\"time\":1795331312,"
                + "\"timeNano\":1795331312801289896}\n";
        String health = "{\"status\":\"health_status\",\"id\":\"c1\",\"from\":\"x\",\"Type\":\"container\","
                + "\"Action\":\"health_status\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{\"containerExitCode\":\"0\","
                + "\"image\":\"x\",\"name\":\"web\",\"io.p4n4.test\":\"ev\",\"podId\":\"\"}},\"scope\":\"local\","
                + "\"time\":1795331316,\"timeNano\":1795331316866910007,\"HealthStatus\":\"healthy\"}\n";
        libpod.on("GET", "/events", json(200, started + health));
        libpod.on("GET", "/containers/json", json(200, "[]"));
        libpod.on("GET", "/containers/c1/json", fixture(404, "error-no-such-container.json"));
        List<EngineEvent> got = new CopyOnWriteArrayList<>();
        try (Subscription s = engine.events(EventFilter.containers(LabelFilter.of("io.p4n4.test", "ev")), got::add)) {
            assertThat(s.awaitTermination(Duration.ofSeconds(5))).as("the scripted stream ends").isTrue();
            // an event stream that ends by itself means the service went away: that is a failure
            assertThat(s.findFailure()).get().isInstanceOf(EngineException.class)
                    .extracting(Throwable::getMessage).asString().contains("event stream").contains("ended");
        }
        assertThat(got).hasSize(2);
        assertThat(got.get(0).action()).isEqualTo("start");
        assertThat(got.get(0).name()).isEqualTo("web");
        assertThat(got.get(0).time()).isEqualTo(Instant.ofEpochSecond(1795331312L, 801289896L));
        assertThat(got.get(1).action()).isEqualTo("health_status");
        assertThat(got.get(1).attributes()).containsEntry("health_status", "healthy");
        RecordedRequest r = libpod.requests("GET", "/events").get(0);
        assertThat(r.getRequestUrl().queryParameter("stream")).isEqualTo("true");
        assertThat(JSON.readTree(r.getRequestUrl().queryParameter("filters")).toString())
                .isEqualTo("{\"label\":[\"io.p4n4.test=ev\"],\"type\":[\"container\"]}");
    }

    @Test
    void aFailedPullReportsPodmansReasonAfterItsProgress() {
        // what Podman 4.3 streams for a tag the registry does not have (recorded)
        libpod.onCompat("POST", "/images/create", json(200, "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},"
                + "\"id\":\"36fa854e7bd8\"}\n{\"progressDetail\":{},\"errorDetail\":{\"message\":\"reading manifest 9 in"
                + " 127.0.0.1:5000/p4n4/busybox: manifest unknown\"},\"error\":\"reading manifest 9 in"
                + " 127.0.0.1:5000/p4n4/busybox: manifest unknown\"}\n"));
        List<PullProgress> progress = new CopyOnWriteArrayList<>();
        try (PodmanEngine anonymous = engineWith(RegistryCredentialStore.none())) {
            assertThatThrownBy(() -> anonymous.pullImage("127.0.0.1:5000/p4n4/busybox:9", progress::add))
                    .isInstanceOfSatisfying(EngineException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.ENGINE);
                        assertThat(e.resource()).contains("127.0.0.1:5000/p4n4/busybox:9");
                        assertThat(e.getMessage()).contains("pull of 127.0.0.1:5000/p4n4/busybox:9 failed")
                                .contains("manifest unknown");
                    });
        }
        assertThat(progress).extracting(PullProgress::layer, PullProgress::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("36fa854e7bd8", "Pulling fs layer"));
    }

    @Test
    void aPullReportsEachLayersBytesAndSendsTheRegistryCredentials(@TempDir Path dir) throws Exception {
        libpod.onCompat("POST", "/images/create", json(200, "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},"
                + "\"id\":\"4f50342da11d\"}\n{\"status\":\"Downloading\",\"progressDetail\":{\"current\":65078304,"
                + "\"total\":151111284},\"progress\":\"[==>  ]\",\"id\":\"4f50342da11d\"}\n"
                + "{\"status\":\"Download complete\",\"progressDetail\":{},\"id\":\"4f50342da11d\"}\n"));
        Files.writeString(dir.resolve("auth.json"), "{\"auths\":{\"registry.local:5001\":{\"auth\":\""
                + java.util.Base64.getEncoder().encodeToString("u:p4ss".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        RegistryCredentialStore store = RegistryCredentialStore.of(Map.of("REGISTRY_AUTH_FILE",
                dir.resolve("auth.json").toString()), dir, RegistryCredentialStore.Order.PODMAN_AUTH_FILE_FIRST);
        List<PullProgress> progress = new CopyOnWriteArrayList<>();
        try (PodmanEngine withCredentials = engineWith(store)) {
            withCredentials.pullImage("registry.local:5001/team/x:1", progress::add);
        }
        assertThat(progress).extracting(PullProgress::layer, PullProgress::status, PullProgress::current,
                PullProgress::total).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("4f50342da11d", "Pulling fs layer", 0L, 0L),
                        org.assertj.core.groups.Tuple.tuple("4f50342da11d", "Downloading", 65078304L, 151111284L),
                        org.assertj.core.groups.Tuple.tuple("4f50342da11d", "Download complete", 0L, 0L));
        RecordedRequest r = libpod.compatRequests("POST", "/images/create").get(0);
        assertThat(r.getRequestUrl().queryParameter("fromImage")).isEqualTo("registry.local:5001/team/x");
        assertThat(r.getRequestUrl().queryParameter("tag")).isEqualTo("1");
        assertThat(JSON.readTree(java.util.Base64.getUrlDecoder().decode(r.getHeader("X-Registry-Auth"))).toString())
                .isEqualTo("{\"username\":\"u\",\"password\":\"p4ss\",\"serveraddress\":\"registry.local:5001\"}");
    }

    private PodmanEngine engineWith(RegistryCredentialStore credentials) {
        return new PodmanEngine(new EngineConfig(libpod.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(5)),
                credentials);
    }

    @Test
    void tagSplitsRepositoryAndTag() {
        // the image name is one path segment: its slash is escaped, which libpod decodes
        libpod.on("POST", "/images/localhost%2Fx:1/tag", new MockResponse().setResponseCode(201));
        engine.tagImage("localhost/x:1", "registry.local:5000/team/eclipse-mosquitto:2");
        RecordedRequest r = libpod.requests("POST", "/images/localhost%2Fx:1/tag").get(0);
        assertThat(r.getRequestUrl().queryParameter("repo")).isEqualTo("registry.local:5000/team/eclipse-mosquitto");
        assertThat(r.getRequestUrl().queryParameter("tag")).isEqualTo("2");
    }

    @Test
    void creatingAnExistingVolumeReturnsIt() {
        libpod.on("POST", "/volumes/create", json(500, "{\"cause\":\"volume already exists\",\"message\":\"volume with "
                + "name v1 already exists: volume already exists\",\"response\":500}"));
        libpod.on("GET", "/volumes/v1/json", json(200, "{\"Name\":\"v1\",\"Driver\":\"local\",\"Mountpoint\":"
                + "\"/var/lib/containers/storage/volumes/v1/_data\",\"Labels\":{\"a\":\"b\"}}"));
        VolumeInfo v = engine.createVolume(VolumeSpec.of("v1", java.util.Map.of("a", "b")));
        assertThat(v.name()).isEqualTo("v1");
        assertThat(v.labels()).containsEntry("a", "b");
    }

    @Test
    void removingWhatDoesNotExistIsFalse() {
        libpod.on("DELETE", "/containers/nope", fixture(404, "error-no-such-container.json"));
        libpod.on("DELETE", "/networks/nonet", json(404, "{\"cause\":\"network not found\",\"message\":\"unable to "
                + "find network with name or ID nonet: network not found\",\"response\":404}"));
        libpod.on("DELETE", "/volumes/novol", json(404, "{\"cause\":\"no such volume\",\"message\":\"no volume with "
                + "name \\\"novol\\\" found: no such volume\",\"response\":404}"));
        assertThat(engine.removeContainer("nope", RemoveContainerOptions.forced().withAnonymousVolumes())).isFalse();
        assertThat(engine.removeNetwork("nonet")).isFalse();
        assertThat(engine.removeVolume("novol", RemoveVolumeOptions.defaults())).isFalse();
        RecordedRequest r = libpod.requests("DELETE", "/containers/nope").get(0);
        assertThat(r.getRequestUrl().queryParameter("force")).isEqualTo("true");
        assertThat(r.getRequestUrl().queryParameter("timeout")).as("forced removal kills at once").isEqualTo("0");
    }

    @Test
    void aNetworkStillInUseIsNotRemovedSilently() {
        libpod.on("DELETE", "/networks/busy", json(200, "[{\"Name\":\"busy\",\"Err\":\"network busy is being used\"}]"));
        assertThatThrownBy(() -> engine.removeNetwork("busy")).isInstanceOf(EngineException.class)
                .hasMessageContaining("busy is being used").hasMessageContaining("stop and remove the containers");
    }

    @Test
    void anUnreachableServiceIsAnEngineErrorNamingTheEndpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port);
        try (PodmanEngine e = new PodmanEngine(new EngineConfig(dead, Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
            assertThatThrownBy(e::ping).isInstanceOfSatisfying(EngineException.class, ex -> {
                assertThat(ex.code()).isEqualTo(ErrorCode.ENGINE);
                assertThat(ex.getMessage()).contains(dead.toString()).contains("CONTAINER_HOST");
            });
        }
    }

    @Test
    void aClosedEngineRefusesWorkAndClosesOnce() {
        libpod.on("GET", "/_ping", json(200, "OK"));
        engine.ping();
        engine.close();
        engine.close();
        assertThatThrownBy(engine::ping).isInstanceOf(EngineException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> engine.events(EventFilter.ALL, e -> { })).isInstanceOf(EngineException.class);
        assertThat(engine.toString()).contains("closed");
    }
}
