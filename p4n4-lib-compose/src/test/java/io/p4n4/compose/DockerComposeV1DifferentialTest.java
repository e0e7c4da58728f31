package io.p4n4.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.p4n4.compose.internal.GoDuration;
import io.p4n4.compose.internal.ShellWords;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real {@code docker-compose config} (Debian's v1, 1.29): on the
 * upstream stacks and on the conformance files v1 can read, both must agree on services, images,
 * commands, environment, ports, volumes, networks, healthchecks and dependencies. Skipped with a
 * message when the binary is absent (CI installs it from {@code .ci/packages}).
 *
 * <p>Intended differences (v1 predates the compose spec), compared after normalizing them away:
 * <ol>
 *   <li>{@link #V1_SHORT_VOLUMES}: v1 prints mounts in short syntax ({@code src:dst:rw}); we print long syntax.</li>
 *   <li>{@link #V1_PORT_NUMBERS}: v1 prints {@code published} as a number and leaves out the default
 *       {@code mode}/{@code protocol}; we follow compose v2 (a string, defaults written).</li>
 *   <li>{@link #V1_DURATIONS}: v1 shortens durations ({@code 1m}); we print Go's form ({@code 1m0s}).</li>
 *   <li>{@link #V1_NO_NAME}: v1 prints {@code version: '3.9'} and no project {@code name}; we print
 *       {@code name} and drop the obsolete {@code version}.</li>
 *   <li>{@link #V1_NO_RESOURCE_NAMES}: v1 does not add project-scoped {@code name}s to networks and
 *       volumes, nor {@code required: true} to depends_on; only keys and what the file sets are compared.</li>
 *   <li>{@link #V1_STRING_COMMANDS}: v1 keeps a string {@code command} as a string; we split it like a shell.</li>
 *   <li>{@link #V1_NO_IMPLICIT_DEPENDENCIES}: like compose v2 we add {@code depends_on} entries for
 *       {@code volumes_from}, {@code links} and {@code ipc}/{@code network_mode: service:x}; v1 does not print them.</li>
 *   <li>{@link #V1_BUILD_CONTEXT_CHECK}: v1 refuses a {@code build} context directory that does not exist;
 *       {@code config} does not need it, so we accept it. The edge stack's {@code runner/} is absent from the
 *       fixtures: its files are copied unmodified to a temporary directory with an empty {@code runner/}.</li>
 * </ol>
 * Conformance files v1 cannot read at all are listed in {@link #V1_UNSUPPORTED} with v1's reason.
 */
class DockerComposeV1DifferentialTest {
    static final String V1_SHORT_VOLUMES = "v1 prints volumes in short syntax";
    static final String V1_PORT_NUMBERS = "v1 prints published ports as numbers without mode/protocol defaults";
    static final String V1_DURATIONS = "v1 shortens durations";
    static final String V1_NO_NAME = "v1 has no top-level name and prints version";
    static final String V1_NO_RESOURCE_NAMES = "v1 adds no resource names nor depends_on.required";
    static final String V1_STRING_COMMANDS = "v1 keeps string commands unsplit";
    static final String V1_NO_IMPLICIT_DEPENDENCIES = "v1 does not print implicit dependencies";
    static final String V1_BUILD_CONTEXT_CHECK = "v1 requires the build context to exist";

    /** Conformance files v1 rejects, and why (each checked by hand with docker-compose 1.29.2). */
    static final Map<String, String> V1_UNSUPPORTED = Map.of(
            "cli/testdata/simple/compose-name.yaml", "top-level 'name' is not in v1's schema",
            "loader/testdata/compose-test-with-version.yaml", "top-level 'name'",
            "loader/testdata/compose-depends-on-cycle.yaml", "top-level 'name'",
            "loader/testdata/compose-test-extends.yaml", "top-level 'name'",
            "loader/testdata/compose-include.yaml", "'include' is not in v1's schema",
            "loader/testdata/extends/base.yaml", "v1 requires image or build on every service, even extended ones",
            "loader/testdata/extends/reset.yaml", "v1 does not know the !reset tag",
            "schema/using-variables.yaml", "v1 converts ${VARIABLE} to typed values and fails on blanks");

    private static final YAMLMapper YAML = new YAMLMapper();

    /** A file both tools load: compose files, env files (empty: .env by default) and the directory to run in. */
    private record Case(String label, Path dir, List<String> files, List<String> envFiles) {
    }

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> p4n4AgreesWithDockerComposeV1() throws IOException {
        Path binary = findBinary();
        assumeTrue(binary != null, "docker-compose (v1) not found on PATH: install the Debian package "
                + "'docker-compose' (listed in .ci/packages) to run the differential test");
        Path corpus = ComposeCorpus.compose().toRealPath();
        List<Case> cases = new ArrayList<>();
        for (String stack : List.of("iot", "ai", "edge")) {
            Path dir = ComposeCorpus.upstream(stack).toRealPath();
            if (stack.equals("edge")) { // V1_BUILD_CONTEXT_CHECK
                Path copy = Files.createDirectories(temp.resolve("p4n4-edge"));
                for (String f : List.of("docker-compose.yml", ".env.example")) {
                    Files.copy(dir.resolve(f), copy.resolve(f));
                }
                Files.createDirectories(copy.resolve("runner"));
                dir = copy;
            }
            cases.add(new Case("upstream " + stack, dir, List.of("docker-compose.yml"), List.of(".env.example")));
        }
        for (String f : List.of("cli/testdata/simple/compose.yaml", "cli/testdata/simple/compose-with-variables.yaml",
                "cli/testdata/env-file/compose-with-env-file.yaml", "loader/testdata/subdir/compose-test-extends-imported.yaml",
                "loader/testdata/extends/ports.yaml", "loader/testdata/extends/depends_on.yaml",
                "loader/testdata/extends/interpolated.yaml")) {
            Path file = corpus.resolve(f);
            cases.add(new Case(f, file.getParent(), List.of(file.getFileName().toString()), List.of()));
        }
        Path envFiles = corpus.resolve("cli/testdata/env-file");
        cases.add(new Case("cli/testdata/env-file/compose-with-env-files.yaml + override.env", envFiles,
                List.of("compose-with-env-files.yaml"), List.of("override.env")));
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> compare(binary, c)));
    }

    private static Path findBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "docker-compose");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void compare(Path binary, Case c) throws Exception {
        JsonNode v1 = runV1(binary, c);
        LoadOptions.Builder options = LoadOptions.builder().workingDirectory(c.dir())
                .environment(Map.of("PATH", System.getenv().getOrDefault("PATH", "")));
        c.files().forEach(f -> options.file(c.dir().resolve(f)));
        c.envFiles().forEach(f -> options.envFile(c.dir().resolve(f)));
        ComposeProject ours = ComposeLoader.load(options.build());

        assertThat(new TreeSet<>(ours.services().keySet())).as(c.label() + " services")
                .isEqualTo(fieldNames(v1.path("services")));
        for (ComposeService s : ours.services().values()) {
            JsonNode theirs = v1.path("services").path(s.name());
            String where = c.label() + " service " + s.name() + " ";
            assertThat(s.image().orElse(null)).as(where + "image").isEqualTo(text(theirs.get("image")));
            assertThat(s.command().orElse(null)).as(where + "command (" + V1_STRING_COMMANDS + ")")
                    .isEqualTo(words(theirs.get("command")));
            assertThat(s.entrypoint().orElse(null)).as(where + "entrypoint").isEqualTo(words(theirs.get("entrypoint")));
            assertThat(new TreeMap<>(s.environment())).as(where + "environment").isEqualTo(stringMap(theirs.get("environment")));
            assertThat(portKeys(s)).as(where + "ports (" + V1_PORT_NUMBERS + ")").isEqualTo(v1PortKeys(theirs.get("ports")));
            assertThat(volumeKeys(s)).as(where + "volumes (" + V1_SHORT_VOLUMES + ")")
                    .isEqualTo(v1VolumeKeys(theirs.get("volumes")));
            assertThat(new TreeSet<>(s.networks().keySet())).as(where + "networks")
                    .isEqualTo(theirs.has("networks") ? fieldNames(theirs.get("networks"))
                            : theirs.has("network_mode") ? new TreeSet<String>() : new TreeSet<>(List.of("default")));
            Map<String, String> deps = new TreeMap<>();
            s.dependsOn().forEach((k, d) -> deps.put(k, d.condition().composeName()));
            TreeMap<String, String> v1Deps = v1Dependencies(theirs.get("depends_on"));
            deps.keySet().removeIf(k -> !v1Deps.containsKey(k) && implied(s).contains(k)); // V1_NO_IMPLICIT_DEPENDENCIES
            assertThat(deps).as(where + "depends_on (" + V1_NO_RESOURCE_NAMES + ")").isEqualTo(v1Dependencies(theirs.get("depends_on")));
            compareHealthcheck(where, s, theirs.get("healthcheck"));
        }
        assertThat(v1.has("name")).as(V1_NO_NAME).isFalse();
        for (ComposeNetwork n : ours.networks().values()) {
            JsonNode theirs = v1.path("networks").path(n.key());
            if (n.key().equals("default") && theirs.isMissingNode()) {
                continue; // v1 does not print the implicit default network (V1_NO_RESOURCE_NAMES)
            }
            String where = c.label() + " network " + n.key() + " ";
            assertThat(n.external()).as(where + "external").isEqualTo(theirs.path("external").asBoolean(false));
            assertThat(n.driver().orElse(null)).as(where + "driver").isEqualTo(text(theirs.get("driver")));
            if (theirs.has("name")) {
                assertThat(n.name()).as(where + "name").isEqualTo(theirs.get("name").asText());
            }
            List<String> subnets = new ArrayList<>();
            theirs.path("ipam").path("config").forEach(cfg -> subnets.add(cfg.path("subnet").asText()));
            assertThat(n.ipamConfigs()).extracting(IpamConfig::subnet).as(where + "subnets").isEqualTo(subnets);
        }
        assertThat(new TreeSet<>(ours.volumes().keySet())).as(c.label() + " volumes").isEqualTo(fieldNames(v1.path("volumes")));
    }

    private static JsonNode runV1(Path binary, Case c) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binary.toString()));
        c.files().forEach(f -> cmd.addAll(List.of("-f", f)));
        c.envFiles().forEach(f -> cmd.addAll(List.of("--env-file", f)));
        cmd.add("config");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(c.dir().toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", ""));
        Path err = Files.createTempFile("docker-compose", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();
        String stderr = Files.readString(err);
        Files.deleteIfExists(err);
        assertThat(p.exitValue()).as("docker-compose config failed: " + stderr).isZero();
        // both tools write every $ as $$ in text output; the model compared holds the real value
        return YAML.readTree(new String(out, StandardCharsets.UTF_8).replace("$$", "$"));
    }

    private static void compareHealthcheck(String where, ComposeService s, JsonNode theirs) {
        if (theirs == null) {
            assertThat(s.healthcheck()).as(where + "healthcheck").isEmpty();
            return;
        }
        Healthcheck hc = s.healthcheck().orElseThrow();
        assertThat(hc.test()).as(where + "healthcheck.test").isEqualTo(words(theirs.get("test")));
        assertThat(hc.interval()).as(where + "interval (" + V1_DURATIONS + ")").isEqualTo(duration(theirs.get("interval")));
        assertThat(hc.timeout()).as(where + "timeout").isEqualTo(duration(theirs.get("timeout")));
        assertThat(hc.startPeriod()).as(where + "start_period").isEqualTo(duration(theirs.get("start_period")));
        assertThat(hc.retries()).as(where + "retries").isEqualTo(theirs.has("retries") ? theirs.get("retries").asInt() : null);
    }

    private static List<String> implied(ComposeService s) {
        List<String> out = new ArrayList<>();
        s.attribute("volumes_from").ifPresent(v -> ((List<?>) v).forEach(x -> out.add(String.valueOf(x).split(":")[0])));
        s.attribute("links").ifPresent(v -> ((List<?>) v).forEach(x -> out.add(String.valueOf(x).split(":")[0])));
        for (String key : List.of("ipc", "network_mode", "pid")) {
            s.attribute(key).map(String::valueOf).filter(m -> m.startsWith("service:"))
                    .ifPresent(m -> out.add(m.substring("service:".length())));
        }
        return out;
    }

    private static Duration duration(JsonNode node) {
        return node == null ? null : GoDuration.parse(node.asText());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static List<String> words(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return ShellWords.split(node.asText());
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static TreeMap<String, String> stringMap(JsonNode node) {
        TreeMap<String, String> out = new TreeMap<>();
        if (node != null) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        }
        return out;
    }

    private static List<String> portKeys(ComposeService s) {
        return s.ports().stream().map(p -> p.hostIp() + "|" + p.published() + "|" + p.target() + "/" + p.protocol()).toList();
    }

    private static List<String> v1PortKeys(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null) {
            node.forEach(p -> out.add(text(p.get("host_ip")) + "|" + text(p.get("published")) + "|"
                    + p.get("target").asInt() + "/" + p.path("protocol").asText("tcp")));
        }
        return out;
    }

    private static List<String> volumeKeys(ComposeService s) {
        return s.volumes().stream().map(v -> v.type() + "|" + v.source() + "|" + v.target() + "|" + (v.readOnly() ? "ro" : "rw"))
                .toList();
    }

    private static List<String> v1VolumeKeys(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (JsonNode v : node) {
            if (v.isObject()) {
                out.add(v.path("type").asText("volume") + "|" + text(v.get("source")) + "|" + v.get("target").asText()
                        + "|" + (v.path("read_only").asBoolean(false) ? "ro" : "rw"));
                continue;
            }
            String[] parts = v.asText().split(":");
            if (parts.length == 1) {
                out.add("volume|null|" + parts[0] + "|rw");
            } else {
                String type = parts[0].startsWith("/") ? "bind" : "volume";
                boolean ro = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
                out.add(type + "|" + parts[0] + "|" + parts[1] + "|" + (ro ? "ro" : "rw"));
            }
        }
        return out;
    }

    private static TreeMap<String, String> v1Dependencies(JsonNode node) {
        TreeMap<String, String> out = new TreeMap<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.put(n.asText(), "service_started"));
        } else {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return out;
    }
}
