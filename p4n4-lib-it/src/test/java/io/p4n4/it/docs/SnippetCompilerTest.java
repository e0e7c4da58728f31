package io.p4n4.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet mechanism itself: what compiles, what does not, and where a failure points. */
class SnippetCompilerTest {
    private static final String DOC = String.join("\n",
            "# A page",                                          // 1
            "```java",                                           // 2
            "String version = P4n4.version();",                  // 3  p4n4 packages are imported
            "```",                                               // 4
            "```java",                                           // 5
            "List<String> names = List.of();",                   // 6
            "int broken = \"text\";",                            // 7  an error on line 7
            "```",                                               // 8
            "<!-- given: Path workspace; OllamaClient ollama -->", // 9
            "```java",                                           // 10
            "Path p = workspace.resolve(ollama.toString());",    // 11
            "```",                                               // 12
            "```java",                                           // 13
            "Path p = workspace.resolve(\"x\");",                // 14 no given: workspace is unknown
            "```",                                               // 15
            "- in a list:",                                      // 16
            "  ```java",                                         // 17
            "  import java.util.concurrent.atomic.AtomicInteger;", // 18
            "",                                                  // 19
            "  class Counter extends ContainerEngineContract {", // 20 a type declaration, kept as it is
            "      AtomicInteger n = new AtomicInteger();",      // 21
            "      protected String engineId() { return \"x\"; }", // 22
            "      protected String endpointVariable() { return \"X\"; }", // 23
            "      protected ContainerEngine createEngine(EngineConfig c) { return null; }", // 24
            "      int no() { return n.get() + unknown; }",      // 25 an error on line 25
            "  }",                                               // 26
            "  ```",                                             // 27
            "```java",                                           // 28
            "Integer boxed = new Integer(4);",                   // 29 deprecated for removal
            "```",                                               // 30
            "```java",                                           // 31
            "int x = ;",                                         // 32 a syntax error: javac stops here
            "```",                                               // 33
            "");

    @TempDir
    static Path dir;

    static Path page;
    static List<MarkdownSnippet> snippets;
    static List<List<String>> problems;

    @BeforeAll
    static void compileThePage() throws IOException {
        page = Files.writeString(dir.resolve("page.md"), DOC);
        snippets = MarkdownSnippets.read(page);
        problems = SnippetCompiler.compile(snippets, dir);
    }

    @Test
    void everyJavaBlockIsFoundWithItsFenceLine() {
        assertThat(snippets).extracting(MarkdownSnippet::fenceLine).containsExactly(2, 5, 10, 13, 17, 28, 31);
        assertThat(snippets.get(2).given()).containsExactly("Path workspace", "OllamaClient ollama");
        assertThat(snippets.get(4).lines().get(2)).startsWith("class Counter");
    }

    @Test
    void aSnippetUsingP4n4TypesWithoutImportsCompiles() {
        assertThat(problems.get(0)).isEmpty();
    }

    @Test
    void anErrorNamesTheMarkdownFileAndLine() {
        assertThat(problems.get(1)).singleElement(STRING)
                .startsWith("page.md:7: error: incompatible types").contains("int broken = \"text\";");
    }

    @Test
    void givenVariablesAreInScopeAndOnlyWhenDeclared() {
        assertThat(problems.get(2)).isEmpty();
        assertThat(problems.get(3)).singleElement(STRING)
                .startsWith("page.md:14: error: cannot find symbol");
    }

    @Test
    void aTypeDeclarationKeepsItsImportsAndLines() {
        assertThat(problems.get(4)).singleElement(STRING)
                .startsWith("page.md:25: error: cannot find symbol").contains("unknown");
    }

    @Test
    void aDeprecatedApiIsReported() {
        assertThat(problems.get(5)).singleElement(STRING)
                .startsWith("page.md:29: warning:").contains("deprecated");
    }

    @Test
    void aSyntaxErrorInOneSnippetDoesNotHideTheOthersErrors() {
        assertThat(problems.get(6)).singleElement(STRING).startsWith("page.md:32: error: illegal start of expression");
        assertThat(problems.get(0)).isEmpty();
        assertThat(problems.get(1)).hasSize(1);
    }

    @Test
    void anUnclosedBlockIsAnErrorAtItsFence() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.md"), "text\n```java\nint a = 1;\n");
        assertThatThrownBy(() -> MarkdownSnippets.read(bad)).hasMessageContaining("bad.md:2");
    }

    @Test
    void onlyPublicPackagesAreImported() {
        assertThat(SnippetCompiler.publicP4n4Packages())
                .contains("io.p4n4.api", "io.p4n4.compose.exec", "io.p4n4.core", "io.p4n4.agent",
                        "io.p4n4.clients", "io.p4n4.testkit.engine", "io.p4n4.docker", "io.p4n4.podman")
                .noneMatch(p -> p.contains("internal") || p.startsWith("io.p4n4.it"));
    }
}
