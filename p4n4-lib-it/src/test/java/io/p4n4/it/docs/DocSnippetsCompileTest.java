package io.p4n4.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles against the published modules
 * (the conventions are in docs/architecture.md, "How to write a snippet"). One test per block, named
 * by file and line; a failure quotes javac's message at the Markdown line.
 */
class DocSnippetsCompileTest {

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetOfTheDocsCompiles() throws IOException {
        Path root = projectRoot();
        List<MarkdownSnippet> snippets = new ArrayList<>();
        for (Path document : documents(root)) {
            snippets.addAll(MarkdownSnippets.read(document));
        }
        assertThat(snippets).as("the README's main example at least").anyMatch(s -> s.file().endsWith("README.md"));
        List<List<String>> problems = SnippetCompiler.compile(snippets, root);
        return IntStream.range(0, snippets.size()).mapToObj(i -> dynamicTest(
                root.relativize(snippets.get(i).file()) + ":" + snippets.get(i).fenceLine(), () -> {
                    if (!problems.get(i).isEmpty()) {
                        fail("the snippet does not compile (fix it, or declare its free variables with"
                                + " <!-- given: Type name -->):\n" + String.join("\n", problems.get(i)));
                    }
                }));
    }

    /** README.md and every docs/*.md, sorted. */
    static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The checkout: {@code p4n4.project.root} (set by the build), else this module's parent. */
    static Path projectRoot() {
        Path root = Path.of(System.getProperty("p4n4.project.root", "..")).toAbsolutePath().normalize();
        assertThat(root.resolve("README.md")).as("README.md of the checkout at %s", root).isRegularFile();
        assertThat(root.resolve("docs")).as("docs/ of the checkout at %s", root).isDirectory();
        return root;
    }
}
