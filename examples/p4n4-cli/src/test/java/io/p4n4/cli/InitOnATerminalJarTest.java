package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p4n4 init} from the built jar on a real pseudo-terminal (util-linux {@code script}): it asks the spec's
 * questions, the project name then the stacks, and uses the answers typed.
 *
 * <p>Runs in the {@code integration-test} phase, once the jar exists (see the module's POM).
 */
class InitOnATerminalJarTest {
    @TempDir
    Path tmp;

    @Test
    void onATerminalInitAsksForTheNameAndTheStacks() throws Exception {
        String jar = System.getProperty("p4n4.cli.jar", "");
        assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)), "the jar is built before integration-test");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the process a terminal");
        Path dir = tmp.resolve("greenhouse");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = java + " -jar " + jar + " init " + dir;
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/script", "-qec", command, "/dev/null"));
        pb.environment().put("TERM", "xterm");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        try (OutputStream keys = p.getOutputStream()) {
            keys.write("Greenhouse North\niot,ai\n".getBytes(StandardCharsets.UTF_8));
        }
        String screen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(screen).isZero();
        assertThat(screen).contains("Project name [greenhouse]: ").contains("Stacks to scaffold [iot,ai,edge]: ")
                .contains("Created project 'Greenhouse North' in " + dir).contains("stacks: iot, ai");
        assertThat(Files.readString(dir.resolve(".p4n4.json"))).contains("\"Greenhouse North\"")
                .doesNotContain("\"edge\"");
    }
}
