package io.p4n4.core.validate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeReferencesTest {
    @TempDir
    Path tmp;

    @Test
    void findsOnlyReferencesWithoutDefaultWithTheirLines() throws Exception {
        Path file = tmp.resolve("docker-compose.yml");
        Files.writeString(file, String.join("\n",
                "services:",
                "  a:",
                "    # ${COMMENTED}",
                "    image: ${IMAGE}",
                "    command: echo $$HOME ${WITH_DEFAULT:-x} ${STRICT:?set it} $BARE",
                "    environment:",
                "      X: ${OUTER:-${INNER}}",
                "      Y: ${ALT:+${ONLY_IF_ALT}}",
                ""));
        ComposeReferences.Result r = ComposeReferences.scan(file);
        assertThat(r.broken()).isEmpty();
        assertThat(r.required()).containsExactly(new ComposeReferences.Found("IMAGE", 4),
                new ComposeReferences.Found("STRICT", 5), new ComposeReferences.Found("BARE", 5));
    }

    @Test
    void reportsBrokenSyntaxByLine() throws Exception {
        Path file = tmp.resolve("docker-compose.yml");
        Files.writeString(file, "services:\n  a:\n    image: ${IMAGE\n");
        ComposeReferences.Result r = ComposeReferences.scan(file);
        assertThat(r.broken()).singleElement().satisfies(b -> assertThat(b.line()).isEqualTo(3));
    }
}
