package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built CLI jar, run as its own process with an empty environment (no {@code LANG}, no {@code LC_*}: the
 * JVM's default charset is then US-ASCII), prints non-ASCII values of a compose file as UTF-8 on standard
 * output and standard error, in JSON, YAML and error messages alike.
 *
 * <p>Runs in the {@code integration-test} phase, after the jar is packaged (see the module's POM, which passes
 * the jar's path as {@code p4n4.cli.jar}); in the {@code test} phase, where no jar exists yet, it is skipped.
 */
class Utf8WithoutLocaleJarTest {
    private static final String VALUE = "Grüße aus Köln ✓ 日本 🚀";

    @TempDir
    Path tmp;

    private record Run(int exit, byte[] out, byte[] err) {
    }

    private static Path jar() {
        String jar = System.getProperty("p4n4.cli.jar", "");
        assumeTrue(!jar.isEmpty() && Files.isRegularFile(Path.of(jar)),
                "p4n4.cli.jar is set in the integration-test phase, once the jar is built");
        return Path.of(jar);
    }

    /** {@code env -i PATH=... java -jar p4n4-cli-all.jar ARGS}. */
    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    /** Decodes strictly: malformed UTF-8 fails the test instead of becoming U+FFFD. */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private Path composeFile() throws IOException {
        Path file = tmp.resolve("compose.yaml");
        Files.writeString(file, """
                name: utf8
                services:
                  web:
                    image: busybox
                    environment:
                      GREETING: "%s"
                    labels:
                      note: "%s"
                """.formatted(VALUE, VALUE));
        return file;
    }

    @Test
    void jsonOutputIsUtf8WithoutALocale() throws Exception {
        Run r = run("--json", "compose", "config", "-f", composeFile().toString());

        assertThat(r.exit()).as(new String(r.err(), StandardCharsets.UTF_8)).isZero();
        assertThat(utf8(r.out())).contains(VALUE);
        assertThat(new ObjectMapper().readTree(r.out()).at("/services/web/environment/GREETING").asText())
                .isEqualTo(VALUE);
        assertThat(r.out()).containsSequence(VALUE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void yamlOutputIsUtf8WithoutALocale() throws Exception {
        Run r = run("compose", "config", "-f", composeFile().toString());

        assertThat(r.exit()).isZero();
        assertThat(utf8(r.out())).contains("note: " + VALUE).doesNotContain("?");
    }

    @Test
    void errorMessagesAreUtf8WithoutALocale() throws Exception {
        Path file = tmp.resolve("compose.yaml");
        Files.writeString(file, "services:\n  web:\n    image: ${IMAGE:?" + VALUE + "}\n");

        Run text = run("compose", "config", "-f", file.toString());
        assertThat(text.exit()).isEqualTo(5);
        assertThat(utf8(text.err())).contains(VALUE);

        Run json = run("--json", "compose", "config", "-f", file.toString());
        assertThat(json.exit()).isEqualTo(5);
        assertThat(json.err()).isEmpty();
        assertThat(new ObjectMapper().readTree(json.out()).at("/error/message").asText()).contains(VALUE);
    }
}
