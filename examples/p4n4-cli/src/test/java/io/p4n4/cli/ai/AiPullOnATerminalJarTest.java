package io.p4n4.cli.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * {@code p4n4 ai pull} run from the built jar on a real pseudo-terminal (util-linux {@code script} gives the
 * process one): the layer shows as a live progress bar redrawn in place, not as plain lines.
 *
 * <p>Runs in the {@code integration-test} phase, once the jar exists (see the module's POM).
 */
class AiPullOnATerminalJarTest {

    @Test
    void onATerminalTheLayerIsALiveBar() throws Exception {
        String jar = System.getProperty("p4n4.cli.jar", "");
        assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)), "the jar is built before integration-test");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the process a terminal");
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse().setChunkedBody(AiPullCommandTest.PULL_STREAM, 64));
            server.start();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = java + " -jar " + jar + " ai pull llama3.2 --url " + server.url("/");
            ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/script", "-qec", command, "/dev/null"));
            pb.environment().put("TERM", "xterm");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            p.getOutputStream().close();
            String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(screen).isZero();
            assertThat(screen).as("a bar with the layer's bytes").containsPattern("\\[=+>? *\\] [0-9.]+ [kMG]?B / 2\\.1 GB")
                    .as("redrawn in place with cursor movement").contains("\033[")
                    .contains("Pulled llama3.2.");
        }
    }
}
