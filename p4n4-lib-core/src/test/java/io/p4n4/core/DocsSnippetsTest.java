package io.p4n4.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps the library example in the README and docs/projects.md identical to the code that
 * {@link ReadmeExampleTest} compiles and runs, so the documentation cannot drift from the API.
 */
class DocsSnippetsTest {
    private static final String BEGIN = "// --- docs/projects.md: begin ---";
    private static final String END = "// --- docs/projects.md: end ---";

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/projects.md"})
    void documentShowsTheCompiledExampleVerbatim(String document) throws IOException {
        Path root = Path.of(System.getProperty("p4n4.project.root", ".."));
        Path doc = root.resolve(document);
        assumeTrue(Files.isRegularFile(doc), "no " + doc + " (run from the project checkout)");

        String snippet = compiledSnippet(root);

        assertThat(Files.readString(doc))
                .as("%s must show the example of ReadmeExampleTest verbatim (copy it from there)", document)
                .contains(snippet);
    }

    private static String compiledSnippet(Path root) throws IOException {
        Path source = root.resolve("p4n4-lib-core/src/test/java/io/p4n4/core/ReadmeExampleTest.java");
        List<String> lines = Files.readAllLines(source);
        int begin = indexOfTrimmed(lines, BEGIN);
        int end = indexOfTrimmed(lines, END);
        List<String> body = lines.subList(begin + 1, end);
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    private static int indexOfTrimmed(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker missing in ReadmeExampleTest: " + marker);
    }
}
