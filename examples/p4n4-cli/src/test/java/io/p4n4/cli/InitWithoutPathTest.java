package io.p4n4.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code p4n4 init [PATH]}: without PATH the project goes to --project; without a terminal nothing is asked. */
class InitWithoutPathTest {
    @TempDir
    Path tmp;

    @Test
    void withoutPathTheProjectGoesToTheProjectOptionAndNothingIsAsked() throws Exception {
        Path dir = tmp.resolve("site-a");
        CliRun r = CliRun.of("--project", dir.toString(), "init");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("Project name [").doesNotContain("Stacks to scaffold [")
                .contains("Created project 'site-a' in " + dir).contains("stacks: iot, ai, edge")
                .contains("Next: cd " + dir + " && p4n4 validate");
        assertThat(Files.readString(dir.resolve(".p4n4.json"))).contains("\"site-a\"");
    }
}
