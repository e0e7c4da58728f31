package io.p4n4.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.ContainerFilter;
import io.p4n4.api.engine.LabelFilter;
import io.p4n4.compose.exec.ComposeLabels;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.testkit.engine.TestEngines;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's defaults that keep it safe, each checked over real HTTP: loopback only, a bearer token generated
 * into {@code .env} (0600) and required for every mutating call, CORS off unless an origin is listed, request
 * bodies limited, and problem details for what is refused. Runs on the real dockerd.
 */
@Tag("engine")
class ServerSecurityTest {
    @TempDir
    Path tmp;
    private TestProject project;
    private ContainerEngine engine;
    private P4n4Server server;
    private TestHttp http;

    @BeforeEach
    void start() throws Exception {
        project = new TestProject(tmp);
        engine = TestEngines.connectAt("docker", TestEngines.requireEndpoint(TestEngines.endpointVariable("docker")));
        server = start(P4n4Server.builder().maxBodyBytes(1024));
    }

    private P4n4Server start(P4n4Server.Builder builder) {
        P4n4Server s = builder.project(project.directory).engine(engine).port(0).build().start();
        http = new TestHttp(s.url());
        return s;
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    /** The test stack's containers on the engine. */
    private List<?> containers() {
        return engine.listContainers(ContainerFilter.all(LabelFilter.of(ComposeLabels.PROJECT, project.composeName)));
    }

    private String token() {
        return EnvFile.read(project.directory.resolve(".env")).get("P4N4_SERVER_TOKEN").orElseThrow();
    }

    @Test
    void itListensOnLoopbackOnlyByDefault() throws Exception {
        assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
        Optional<InetAddress> external = NetworkInterface.networkInterfaces().filter(this::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 2000);
        }
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), server.port()), 2000);
            }
        }).as("nothing listens on " + external.get()).isInstanceOf(ConnectException.class);
    }

    private boolean up(NetworkInterface i) {
        try {
            return i.isUp();
        } catch (java.net.SocketException e) {
            return false;
        }
    }

    @Test
    void theTokenIsGeneratedIntoEnvWithMode0600AndKeptAcrossRestartsWithEveryOtherLine() throws Exception {
        Path env = project.directory.resolve(".env");
        String token = token();
        assertThat(token).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(env))).isEqualTo("rw-------");
        List<String> keys = EnvFile.read(env).keys();
        assertThat(keys).contains("INFLUXDB_ADMIN_TOKEN", "P4N4_SERVER_TOKEN");
        server.close();
        server = start(P4n4Server.builder());
        assertThat(token()).isEqualTo(token);
        assertThat(EnvFile.read(env).keys()).isEqualTo(keys);
        assertThat(server.toString()).doesNotContain(token);
        assertThat(server.dashboardUrl().getFragment()).isEqualTo("token=" + token);
    }

    @Test
    void everyMutatingCallNeedsTheTokenAndNothingHappensWithoutIt() throws Exception {
        for (String[] call : List.of(new String[] {"POST", "/api/v1/stacks/iot/up"},
                new String[] {"POST", "/api/v1/stacks/iot/down"}, new String[] {"PUT", "/api/v1/scores/d1/web"},
                new String[] {"DELETE", "/api/v1/scores/d1/web"})) {
            HttpResponse<String> none = http.call(call[0], call[1], null, "{}");
            assertThat(none.statusCode()).as(call[0] + " " + call[1]).isEqualTo(401);
            assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("Bearer"));
            assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                    .startsWith("application/problem+json"));
            JsonNode problem = TestHttp.json(none);
            assertThat(problem.get("status").asInt()).isEqualTo(401);
            assertThat(problem.get("detail").asText()).contains("P4N4_SERVER_TOKEN");
            assertThat(http.call(call[0], call[1], "0".repeat(64), "{}").statusCode()).isEqualTo(401);
        }
        assertThat(http.get("/api/v1/project").statusCode()).as("reading needs no token").isEqualTo(200);
        assertThat(containers()).as("nothing started")
                .isEmpty();
    }

    @Test
    void corsIsOffByDefaultAndAnotherOriginIsRefused() throws Exception {
        HttpResponse<String> foreign = http.send(http.request("/api/v1/project").header("Origin",
                "http://evil.example").GET());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(foreign).get("detail").asText()).contains("--cors-origin http://evil.example");
        HttpResponse<String> preflight = http.send(http.request("/api/v1/stacks/iot/up")
                .header("Origin", "http://evil.example").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        String own = "http://127.0.0.1:" + server.port();
        HttpResponse<String> same = http.send(http.request("/api/v1/project").header("Origin", own).GET());
        assertThat(same.statusCode()).as("the dashboard's own origin").isEqualTo(200);
        assertThat(same.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(http.get("/api/v1/project").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aListedOriginGetsCorsAnswersAndOthersStillDoNot() throws Exception {
        server.close();
        server = start(P4n4Server.builder().corsOrigins(List.of("https://ops.example.com")));
        HttpResponse<String> preflight = http.send(http.request("/api/v1/stacks/iot/up")
                .header("Origin", "https://ops.example.com").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ops.example.com");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
                .contains("Authorization");
        HttpResponse<String> get = http.send(http.request("/api/v1/project")
                .header("Origin", "https://ops.example.com").GET());
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://ops.example.com");
        assertThat(http.send(http.request("/api/v1/project").header("Origin", "https://other.example").GET())
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrChunked() throws Exception {
        String big = "{\"wait\": false, \"pad\": \"" + "x".repeat(2048) + "\"}";
        HttpResponse<String> declared = http.call("POST", "/api/v1/stacks/iot/up", token(), big);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(TestHttp.json(declared).get("detail").asText()).contains("1024 bytes").contains("--max-body");
        HttpResponse<String> chunked = http.send(http.request("/api/v1/stacks/iot/up")
                .header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(containers()).isEmpty();
    }

    @Test
    void unknownRoutesFieldsAndMethodsAreProblemsThatSayWhatToDo() throws Exception {
        HttpResponse<String> missing = http.get("/api/v1/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(missing).get("code").asText()).isEqualTo("USER");
        assertThat(TestHttp.json(missing).get("instance").asText()).isEqualTo("/api/v1/nothing-here");
        HttpResponse<String> method = http.call("DELETE", "/api/v1/status", token(), null);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).hasValue("GET");
        HttpResponse<String> field = http.call("POST", "/api/v1/stacks/iot/up", token(), "{\"wiat\": true}");
        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(field).get("detail").asText()).contains("'wiat'").contains("wait");
        HttpResponse<String> notJson = http.call("POST", "/api/v1/stacks/iot/up", token(), "[1]");
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> query = http.get("/api/v1/project?verbose=1");
        assertThat(query.statusCode()).as("a query parameter the route does not take").isEqualTo(400);
        assertThat(TestHttp.json(query).get("detail").asText()).contains("'verbose'").contains("it takes none");
        HttpResponse<String> misspelt = http.get("/api/v1/stacks/iot/services/web/logs?tial=5");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(misspelt).get("detail").asText()).contains("'tial'").contains("[follow, tail]");
        HttpResponse<String> stack = http.call("POST", "/api/v1/stacks/nope/up", token(), null);
        assertThat(stack.statusCode()).isEqualTo(404);
        assertThat(TestHttp.json(stack).get("detail").asText()).contains("[iot]");
        assertThat(containers()).isEmpty();
    }
}
