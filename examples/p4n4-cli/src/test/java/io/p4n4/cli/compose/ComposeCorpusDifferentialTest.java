package io.p4n4.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.p4n4.api.engine.BuildSpec;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.ContainerSummary;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.cli.Main;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.LoadOptions;
import io.p4n4.testkit.engine.TestEngines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The differential corpus (src/test/resources/compose-corpus, real-world files): each file is brought up on one
 * dockerd by Debian's docker-compose v1 and by {@code p4n4 compose up}, one after the other under the same
 * project name, and each service's container is compared field by field in Docker's inspect (the fields the
 * issue lists). Where compose v1 and v2 differ p4n4 follows v2; those differences are listed in
 * {@link #V1_DIFFERS} with the reason, and asserted as they are.
 */
@Tag("engine")
class ComposeCorpusDifferentialTest {
    private static final Path V1 = Path.of("/usr/bin/docker-compose");
    private static final Path CORPUS = Path.of("src/test/resources/compose-corpus");
    /**
     * Runs any command (the files' commands, logstash or mariadb flags, are its arguments) and stays up until
     * stopped. It used to end at once: with {@code restart: always} the containers then restarted in a loop,
     * and an inspect that fell between two runs read no network aliases (a flaky difference).
     */
    private static final String STAND_IN = "localhost/p4n4-corpus-standin:2";

    /** Inspect fields compared, as JSON pointers. */
    private static final List<String> FIELDS = List.of("/Config/Image", "/Config/Cmd", "/Config/Entrypoint",
            "/Config/Env", "/Config/User", "/Config/WorkingDir", "/Config/Healthcheck", "/Config/ExposedPorts",
            "/Config/Labels", "/Config/Hostname", "/Mounts", "/HostConfig/PortBindings", "/HostConfig/RestartPolicy",
            "/HostConfig/CapAdd", "/HostConfig/CapDrop", "/HostConfig/Privileged", "/HostConfig/Sysctls",
            "/HostConfig/ExtraHosts", "/HostConfig/Dns", "/HostConfig/Memory", "/HostConfig/NanoCpus",
            "/HostConfig/CpuShares", "/HostConfig/Init", "/HostConfig/ReadonlyRootfs", "/HostConfig/ShmSize",
            "/HostConfig/SecurityOpt", "/HostConfig/Tmpfs", "/HostConfig/Ulimits", "/HostConfig/NetworkMode",
            "/HostConfig/Devices", "/HostConfig/PidMode", "/HostConfig/IpcMode", "/Networks");

    @TempDir
    Path tmp;
    private String host;
    private String engineId = "docker";
    private String project;
    private Path dir;
    private ContainerEngine engine;

    @AfterEach
    void cleanUp() throws Exception {
        if (engine == null) {
            return;
        }
        p4n4("down", "-v", "--remove-orphans", "-t", "0");
        assertThat(containers()).isEmpty();
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gitea-postgres", "nextcloud-postgres", "postgresql-pgadmin", "wordpress-mysql", "netdata"})
    void p4n4MakesTheContainersDockerComposeMakes(String name) throws Exception {
        assumeTrue(Files.isExecutable(V1), V1 + " is absent; apt-get install -y docker-compose (listed in .ci/packages)");
        host = TestEngines.requireEndpoint(TestEngines.endpointVariable("docker"));
        engine = TestEngines.connectAt("docker", host);
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        project = "p4n4corpus" + UUID.randomUUID().toString().substring(0, 8);
        dir = tmp.resolve(name);
        copy(CORPUS.resolve(name), dir);
        ComposeProject model = ComposeLoader.load(LoadOptions.builder().file(dir.resolve("compose.yaml"))
                .projectName(project).build());
        standIns(model);

        v1("up", "-d");
        Map<String, JsonNode> byV1 = inspectByService();
        v1("down", "-v", "-t", "0");
        assertThat(containers()).isEmpty();

        assertThat(p4n4("up")).isZero();
        Map<String, JsonNode> byP4n4 = inspectByService();

        assertThat(byP4n4.keySet()).isEqualTo(byV1.keySet())
                .isEqualTo(new java.util.TreeSet<>(model.services().keySet()));
        for (String service : byV1.keySet()) {
            // not a comparison of two empty documents: the file's image and environment are there
            assertThat(byV1.get(service).at("/Config/Image").asText()).isEqualTo(model.service(service).image().orElseThrow());
            assertThat(byV1.get(service).at("/Config/Env").size()).isPositive();
            for (String field : FIELDS) {
                assertThat(present(byP4n4.get(service).at(field))).as(name + ": service " + service + ", " + field)
                        .isEqualTo(present(byV1.get(service).at(field)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gitea-postgres", "nextcloud-postgres", "postgresql-pgadmin", "wordpress-mysql", "netdata"})
    void onPodmanP4n4MakesWhatItMakesOnDockerWhereverPodmanReportsAField(String name) throws Exception {
        host = TestEngines.requireEndpoint(TestEngines.endpointVariable("docker"));
        String podmanHost = TestEngines.requireEndpoint(TestEngines.endpointVariable("podman"));
        engine = TestEngines.connectAt("docker", host);
        TestEngines.assumeImage(engine, TestEngines.TEST_IMAGE);
        project = "p4n4corpus" + UUID.randomUUID().toString().substring(0, 8);
        dir = tmp.resolve(name);
        copy(CORPUS.resolve(name), dir);
        ComposeProject model = ComposeLoader.load(LoadOptions.builder().file(dir.resolve("compose.yaml"))
                .projectName(project).build());
        standIns(model);
        assertThat(p4n4("up")).isZero();
        Map<String, JsonNode> onDocker = inspectByService();
        p4n4("down", "-v", "-t", "0");

        ContainerEngine docker = engine;
        String dockerHost = host;
        Map<String, JsonNode> onPodman;
        try (ContainerEngine podman = TestEngines.connectAt("podman", podmanHost)) {
            engine = podman;
            host = podmanHost;
            engineId = "podman";
            TestEngines.assumeImage(podman, TestEngines.TEST_IMAGE);
            standIns(model);
            try {
                assertThat(p4n4("up")).isZero();
                onPodman = inspectByService();
            } finally {
                p4n4("down", "-v", "-t", "0");
            }
        } finally {
            engine = docker;
            host = dockerHost;
            engineId = "docker";
        }
        assertThat(onPodman.keySet()).isEqualTo(onDocker.keySet());
        List<String> differ = new ArrayList<>();
        for (String service : onDocker.keySet()) {
            JsonNode d = asPodmanReports(onDocker.get(service));
            JsonNode pm = asPodmanReports(onPodman.get(service));
            for (String field : FIELDS) {
                if (PODMAN_DEFAULTS.containsKey(field)) {
                    continue;
                }
                JsonNode p = present(pm.at(field));
                if (!p.isMissingNode() && !p.equals(present(d.at(field)))) {
                    differ.add(service + " " + field + ": docker " + onDocker.get(service).at(field) + ", podman " + p);
                }
            }
        }
        assertThat(differ).as(name).isEmpty();
    }

    /**
     * Fields Podman fills with its own defaults when the file sets nothing (none of the corpus files sets them), so
     * they are not compared between the engines; each with what Podman reports.
     */
    private static final Map<String, String> PODMAN_DEFAULTS = Map.of(
            "/HostConfig/ShmSize", "65536000 (Docker: 67108864)",
            "/HostConfig/Ulimits", "containers.conf's default_ulimits (Docker: none)",
            "/HostConfig/PidMode", "private (Docker: empty, the same)",
            "/HostConfig/IpcMode", "shareable (Docker: private)",
            "/HostConfig/NetworkMode", "bridge for any network (the networks are compared in /Networks)");

    /**
     * Both engines' documents in the form Podman reports, where it reports the same setting in another form: image
     * names resolved under {@code localhost/} and with their implied {@code :latest}, the environment without the variables Podman adds (HOME, HOSTNAME,
     * TERM, container), {@code /} for the default working dir, no image labels of buildah, exposed ports without a
     * binding left out of the port bindings, {@code apparmor=...} for {@code apparmor:...}, and no alias for the
     * hostname (which Podman does not list).
     */
    private static JsonNode asPodmanReports(JsonNode comparable) {
        ObjectNode n = comparable.deepCopy();
        ObjectNode config = (ObjectNode) n.get("Config");
        String image = config.path("Image").asText().replaceFirst("^localhost/", "");
        config.put("Image", image.substring(image.lastIndexOf('/') + 1).contains(":") ? image : image + ":latest");
        if (config.path("WorkingDir").asText().isEmpty()) {
            config.put("WorkingDir", "/");
        }
        if (config.get("Env") instanceof ArrayNode env) {
            List<String> kept = new ArrayList<>();
            env.forEach(e -> {
                if (!e.asText().matches("(HOME|HOSTNAME|TERM|container)=.*")) {
                    kept.add(e.asText());
                }
            });
            env.removeAll();
            kept.forEach(env::add);
        }
        if (config.get("Labels") instanceof ObjectNode labels) {
            labels.remove("io.buildah.version");
        }
        if (n.at("/HostConfig/PortBindings") instanceof ObjectNode ports) {
            List<String> unbound = new ArrayList<>();
            ports.properties().forEach(e -> {
                if (e.getValue().isNull()) {
                    unbound.add(e.getKey());
                }
            });
            ports.remove(unbound);
        }
        if (n.at("/HostConfig/SecurityOpt") instanceof ArrayNode opts) {
            List<String> all = new ArrayList<>();
            opts.forEach(o -> all.add(o.asText().replaceFirst("^apparmor:", "apparmor=")));
            opts.removeAll();
            all.forEach(opts::add);
        }
        String hostname = config.path("Hostname").asText();
        n.path("Networks").forEach(aliases -> {
            ArrayNode a = (ArrayNode) aliases;
            for (int i = a.size() - 1; i >= 0; i--) {
                if (a.get(i).asText().equals(hostname)) {
                    a.remove(i);
                }
            }
        });
        return n;
    }

    /** Each service's container (replica 1), its inspect reduced to the compared fields in a comparable form. */
    private Map<String, JsonNode> inspectByService() throws IOException {
        Map<String, JsonNode> out = new TreeMap<>();
        for (ContainerSummary c : containers()) {
            out.put(c.labels().get("com.docker.compose.service"), comparable(DockerInspect.container(host, c.id())));
        }
        return out;
    }

    /**
     * The fields in a form both tools can agree on: lists whose order carries no meaning sorted, compose's own
     * labels left out (their values are each tool's), mounts without the ids of anonymous volumes, networks as
     * their names with the aliases that are not container ids.
     */
    private static JsonNode comparable(JsonNode inspect) {
        ObjectNode n = inspect.deepCopy();
        sort(n, "/Config/Env");
        sort(n, "/HostConfig/CapAdd");
        sort(n, "/HostConfig/SecurityOpt");
        sort(n, "/HostConfig/ExtraHosts");
        if (n.at("/Config/Labels") instanceof ObjectNode labels) {
            List<String> own = new ArrayList<>();
            labels.properties().forEach(e -> {
                if (e.getKey().startsWith("com.docker.compose.")) {
                    own.add(e.getKey());
                }
            });
            labels.remove(own);
        }
        if (inspect.path("Id").asText().startsWith(n.at("/Config/Hostname").asText("-"))) {
            ((ObjectNode) n.get("Config")).put("Hostname", "(the container id)"); // Docker's default
        }
        ArrayNode mounts = JsonNodeFactory.instance.arrayNode();
        List<JsonNode> sorted = new ArrayList<>();
        n.path("Mounts").forEach(m -> {
            ObjectNode c = JsonNodeFactory.instance.objectNode();
            c.put("Type", m.path("Type").asText());
            c.put("Source", m.path("Type").asText().equals("volume") ? m.path("Name").asText() : m.path("Source").asText());
            c.put("Destination", m.path("Destination").asText());
            c.put("RW", m.path("RW").asBoolean());
            sorted.add(c);
        });
        sorted.sort(java.util.Comparator.comparing(m -> m.path("Destination").asText()));
        sorted.forEach(mounts::add);
        n.set("Mounts", mounts);
        ObjectNode networks = JsonNodeFactory.instance.objectNode();
        String id = inspect.path("Id").asText();
        for (Map.Entry<String, JsonNode> e : inspect.at("/NetworkSettings/Networks").properties()) {
            List<String> aliases = new ArrayList<>();
            e.getValue().path("Aliases").forEach(a -> {
                if (!id.startsWith(a.asText())) {
                    aliases.add(a.asText());
                }
            });
            aliases.sort(null);
            ArrayNode a = networks.putArray(e.getKey());
            aliases.forEach(a::add);
        }
        n.set("Networks", networks);
        return n;
    }

    /** A field's value, with null, missing and empty (no port bindings: {@code null} or {@code {}}) alike. */
    private static JsonNode present(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty())
                ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
    }

    private static void sort(ObjectNode root, String pointer) {
        JsonNode at = root.at(pointer);
        if (at instanceof ArrayNode array) {
            List<String> items = new ArrayList<>();
            array.forEach(i -> items.add(i.asText()));
            items.sort(null);
            array.removeAll();
            items.forEach(array::add);
        }
    }

    /** Tags the stand-in under each image name the file uses that the engine lacks. */
    private void standIns(ComposeProject model) throws IOException {
        if (!engine.imageExists(STAND_IN)) {
            Path ctx = tmp.resolve("stand-in");
            Files.createDirectories(ctx);
            Files.writeString(ctx.resolve("Dockerfile"), "FROM " + TestEngines.TEST_IMAGE
                    + "\nENTRYPOINT [\"sh\", \"-c\", \"trap 'exit 0' TERM; while :; do sleep 1; done\", \"stand-in\"]\n");
            engine.buildImage(BuildSpec.of(ctx, STAND_IN), line -> { });
        }
        for (ComposeService s : model.services().values()) {
            // always: a name an earlier run tagged may still point at an older stand-in
            engine.tagImage(STAND_IN, s.image().orElseThrow());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private List<ContainerSummary> containers() {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of("com.docker.compose.project", project)));
    }

    private int p4n4(String command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("compose", "-f", dir.resolve("compose.yaml").toString(), "-p",
                project, command, "--engine", engineId, "--host", host));
        all.addAll(List.of(args));
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("p4n4 compose " + command + ": " + out + err).isZero();
        return code;
    }

    private String v1(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(V1.toString(), "-p", project, "-f",
                dir.resolve("compose.yaml").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("DOCKER_HOST", host);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("docker-compose " + args[0] + " ended").isTrue();
        assertThat(p.exitValue()).as("docker-compose " + String.join(" ", args) + ": " + out).isZero();
        return out;
    }
}
