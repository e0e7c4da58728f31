package io.p4n4.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.testkit.engine.TestEngines;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 serve} as its own process from the built jar, on the real dockerd: it announces where it listens
 * (one JSON line with {@code --json}), answers the API there, requires the token it generated into {@code .env}
 * for changes, and stops cleanly on SIGTERM, freeing the port.
 *
 * <p>Runs in the {@code integration-test} phase, after the jar is packaged (the POM passes its path as
 * {@code p4n4.cli.jar}).
 */
@Tag("engine")
class ServeJarTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void serveAnswersTheApiWithItsTokenAndStopsOnSigterm() throws Exception {
        String jar = System.getProperty("p4n4.cli.jar", "");
        assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)), "p4n4.cli.jar is set once the jar is built");
        String host = TestEngines.requireEndpoint(TestEngines.endpointVariable("docker"));
        Path dir = tmp.resolve("site");
        Process init = new ProcessBuilder(java(), "-jar", jar, "init", dir.toString(), "--stacks", "iot")
                .redirectErrorStream(true).start();
        assertThat(init.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(init.exitValue()).as(new String(init.getInputStream().readAllBytes())).isZero();

        Process serve = new ProcessBuilder(java(), "-jar", jar, "--project", dir.toString(), "--json", "serve",
                "--port", "0", "--engine", "docker", "--host", host).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                    StandardCharsets.UTF_8));
            JsonNode announced = JSON.readTree(out.readLine());
            URI url = URI.create(announced.get("url").asText());
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(announced.get("engine").asText()).isEqualTo("docker");
            assertThat(announced.has("dashboard")).as("the token URL only with --print-token-url").isFalse();
            String token = EnvFile.read(dir.resolve(".env")).get("P4N4_SERVER_TOKEN").orElseThrow();
            assertThat(announced.toString()).doesNotContain(token);

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> project = client.send(HttpRequest.newBuilder(url.resolve("/api/v1/project")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(project.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(project.body()).get("directory").asText()).isEqualTo(dir.toString());
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(url.resolve("/api/v1/stacks/iot/down"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<html");

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(List.of(0, 143)).contains(serve.exitValue());
            try {
                client.send(HttpRequest.newBuilder(url.resolve("/api/v1/project")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                throw new AssertionError("the port still answers after SIGTERM");
            } catch (ConnectException expected) {
                // nothing listens any more
            }
        } finally {
            serve.destroyForcibly();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
