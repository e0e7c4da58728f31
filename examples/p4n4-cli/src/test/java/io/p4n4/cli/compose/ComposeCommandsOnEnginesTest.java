package io.p4n4.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.cli.Main;
import io.p4n4.testkit.await.Waits;
import io.p4n4.testkit.engine.TestEngines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code p4n4 compose} commands on the real engines, on a plain compose file (no p4n4 project): up, ps
 * (table, {@code -a}, {@code --format json}), exec with {@code -e -u -w} and its exit code, logs, stop, start,
 * restart, the recreate flags, orphans and down. Random project names, removed afterwards.
 */
@Tag("engine")
class ComposeCommandsOnEnginesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private String name;
    private String host;
    private String engineId;
    private Path file;
    private String out;
    private String err;

    /** {@code p4n4 [--json] compose -f FILE -p NAME COMMAND --engine E --host H ARGS...}. */
    private int compose(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        boolean json = args[0].equals("--json");
        int at = json ? 1 : 0;
        List<String> all = new ArrayList<>(json ? List.of("--json") : List.of());
        all.addAll(List.of("compose", "-f", file.toString(), "-p", name, args[at], "--engine", engineId,
                "--host", host));
        all.addAll(List.of(args).subList(at + 1, args.length));
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private void project(String engine, String services) throws Exception {
        engineId = engine;
        host = TestEngines.requireEndpoint(TestEngines.endpointVariable(engine));
        try (ContainerEngine e = TestEngines.connectAt(engine, host)) {
            TestEngines.assumeImage(e, TestEngines.TEST_IMAGE);
        }
        name = "p4n4-ccli-" + UUID.randomUUID().toString().substring(0, 8);
        file = tmp.resolve("compose.yaml");
        Files.writeString(file, "services:\n" + services);
    }

    private static String service(String name, String extra) {
        return """
                  %s:
                    image: %s
                    command: ["sh", "-c", "echo hello-from-%s; exec sleep 3600"]
                    stop_grace_period: 1s
                    labels:
                      io.p4n4.test: compose-cli
                %s""".formatted(name, TestEngines.TEST_IMAGE, name, extra);
    }

    private List<JsonNode> jsonLines() {
        return out.lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
    }

    private JsonNode result() {
        List<JsonNode> lines = jsonLines();
        JsonNode last = lines.get(lines.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("result");
        return last;
    }

    /** Service to state, from {@code ps --format json}. */
    private java.util.Map<String, String> states(String... flags) {
        List<String> args = new ArrayList<>(List.of("ps", "--format", "json"));
        args.addAll(List.of(flags));
        assertThat(compose(args.toArray(String[]::new))).as(out + err).isZero();
        java.util.Map<String, String> m = new java.util.TreeMap<>();
        jsonLines().forEach(n -> m.put(n.get("Name").asText(), n.get("State").asText()));
        return m;
    }

    @AfterEach
    void removeEverything() {
        if (name != null) {
            compose("down", "-v", "--remove-orphans", "-t", "0");
            try (ContainerEngine e = TestEngines.connectAt(engineId, host)) {
                assertThat(e.listContainers(ContainerFilter.all(LabelFilter.of("com.docker.compose.project", name))))
                        .as("down removed every container").isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void upPsExecLogsStopStartRestartDown(String engine) throws Exception {
        project(engine, service("db", "") + service("app", "    depends_on: [db]\n    environment:\n      FROM_FILE: f\n"));

        assertThat(compose("up", "-d", "--pull", "never")).as(out + err).isZero();
        assertThat(out).contains("project " + name).contains(name + ": 2 created");
        assertThat(states()).containsExactly(java.util.Map.entry(name + "-app-1", "running"),
                java.util.Map.entry(name + "-db-1", "running"));
        assertThat(compose("ps", "--format", "json", "app")).isZero();
        JsonNode app = jsonLines().get(0);
        assertThat(jsonLines()).hasSize(1);
        assertThat(app.get("Service").asText()).isEqualTo("app");
        assertThat(app.get("Project").asText()).isEqualTo(name);
        assertThat(app.get("Image").asText()).isEqualTo(TestEngines.TEST_IMAGE);

        assertThat(compose("exec", "-e", "EXTRA=x y", "-u", "65534", "-w", "/tmp", "app",
                "sh", "-c", "echo $FROM_FILE-$EXTRA-$(id -u)-$(pwd); echo to-err >&2; exit 7")).isEqualTo(7);
        assertThat(out).isEqualTo("f-x y-65534-/tmp\n");
        assertThat(err).isEqualTo("to-err\n");
        assertThat(compose("exec", "app", "true")).isZero();
        assertThat(compose("exec", "nosuch", "true")).isEqualTo(2);
        assertThat(err).contains("nosuch");

        String logs = Waits.within(Duration.ofSeconds(20), Duration.ofMillis(200)).alias("both greetings")
                .until(() -> {
                    compose("logs", "-t", "--tail", "5");
                    return out;
                }, o -> o.contains("hello-from-app") && o.contains("hello-from-db"));
        assertThat(logs).containsPattern("(?m)^app \\| \\d{4}-\\d\\d-\\d\\dT\\S+ hello-from-app$");
        assertThat(compose("logs", "db", "--since", "1h")).isZero();
        assertThat(out).isEqualTo("db | hello-from-db\n");
        assertThat(compose("logs", "db", "--since", java.time.Instant.now().plus(Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())).isZero();
        assertThat(out).isEmpty();

        assertThat(compose("stop", "-t", "1", "app")).as(err).isZero();
        assertThat(states()).containsOnlyKeys(name + "-db-1");
        assertThat(states("-a")).containsEntry(name + "-app-1", "exited");
        assertThat(compose("exec", "app", "true")).isEqualTo(2);
        assertThat(err).contains("not running");

        assertThat(compose("start")).as(err).isZero();
        assertThat(out).contains("started 1 containers");
        assertThat(states()).containsOnlyKeys(name + "-app-1", name + "-db-1");

        assertThat(compose("--json", "restart", "-t", "1", "db")).as(err).isZero();
        assertThat(result().get("restarted").toString()).isEqualTo("[\"" + name + "-db-1\"]");
        assertThat(states()).containsEntry(name + "-db-1", "running");

        assertThat(compose("--json", "down", "-t", "1")).as(err).isZero();
        assertThat(result().get("containers")).hasSize(2);
        assertThat(states("-a")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"docker", "podman"})
    void recreateFlagsAndOrphans(String engine) throws Exception {
        project(engine, service("app", "    environment:\n      V: one\n") + service("extra", ""));
        assertThat(compose("--json", "up")).as(out + err).isZero();
        assertThat(result().get("created")).hasSize(2);

        assertThat(compose("--json", "up", "--force-recreate", "app")).as(err).isZero();
        assertThat(result().get("recreated").toString()).isEqualTo("[\"app\"]");

        Files.writeString(file, "services:\n" + service("app", "    environment:\n      V: two\n"));
        assertThat(compose("--json", "up", "--no-recreate")).as(err).isZero();
        JsonNode kept = result();
        assertThat(kept.get("unchanged").toString()).isEqualTo("[\"app\"]");
        assertThat(jsonLines()).anySatisfy(n -> assertThat(n.path("detail").asText())
                .contains("orphan container of service extra"));
        assertThat(compose("exec", "app", "sh", "-c", "echo $V")).isZero();
        assertThat(out).isEqualTo("one\n");
        assertThat(states()).containsKey(name + "-extra-1");

        assertThat(compose("--json", "up", "--remove-orphans")).as(err).isZero();
        assertThat(result().get("recreated").toString()).isEqualTo("[\"app\"]");
        assertThat(compose("exec", "app", "sh", "-c", "echo $V")).isZero();
        assertThat(out).isEqualTo("two\n");
        assertThat(states("-a")).containsOnlyKeys(name + "-app-1");
    }
}
