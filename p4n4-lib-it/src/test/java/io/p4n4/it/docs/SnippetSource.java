package io.p4n4.it.docs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.SimpleJavaFileObject;

/**
 * A {@link MarkdownSnippet} made into a compilation unit in its own package {@code snippets.sN}:
 * <ul>
 *   <li>the snippet's leading {@code import} lines stay first;</li>
 *   <li>then, on one line, wildcard imports of the usual JDK packages and of every public p4n4
 *       package ({@code io.p4n4..} without {@code internal});</li>
 *   <li>a snippet that declares a type ({@code class}, {@code interface}, {@code record}, {@code enum})
 *       is kept as it is; any other is the body of a method whose parameters are the given
 *       variables and which may throw anything.</li>
 * </ul>
 * Every generated line remembers the Markdown line it came from, so a compiler message can name it.
 */
final class SnippetSource extends SimpleJavaFileObject {
    /** JDK packages every snippet sees without importing them. */
    static final List<String> JDK_PACKAGES = List.of("java.io", "java.net", "java.nio.file", "java.time",
            "java.util", "java.util.concurrent", "java.util.function", "java.util.stream");

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*$");
    private static final Pattern DECLARATION = Pattern.compile(
            "^(@\\w+(\\([^)]*\\))?\\s+)*((public|protected|private|abstract|final|sealed|non-sealed|static)\\s+)*"
                    + "(class|interface|enum|record|@interface)\\s+\\w+.*");

    private final MarkdownSnippet snippet;
    private final List<String> lines = new ArrayList<>();
    private final List<Integer> origin = new ArrayList<>();

    SnippetSource(MarkdownSnippet snippet, String packageName, List<String> p4n4Packages) {
        super(URI.create("string:///" + packageName.replace('.', '/') + "/Snippet.java"), Kind.SOURCE);
        this.snippet = snippet;
        List<String> code = snippet.lines();
        int first = 0;
        add("package " + packageName + ";", snippet.fenceLine());
        while (first < code.size() && (code.get(first).isBlank() || IMPORT.matcher(code.get(first)).matches())) {
            add(code.get(first), snippet.fileLine(first));
            first++;
        }
        StringBuilder imports = new StringBuilder();
        JDK_PACKAGES.forEach(p -> imports.append("import ").append(p).append(".*; "));
        p4n4Packages.forEach(p -> imports.append("import ").append(p).append(".*; "));
        add(imports.toString(), snippet.fenceLine());
        boolean declares = code.stream().skip(first).filter(l -> !l.isBlank() && !l.stripLeading().startsWith("//"))
                .findFirst().map(l -> DECLARATION.matcher(l.strip()).matches()).orElse(false);
        if (declares && !snippet.given().isEmpty()) {
            throw new IllegalStateException(location(snippet.givenLine())
                    + ": a snippet that declares a type cannot have given variables");
        }
        if (!declares) {
            add("final class Snippet { void run(" + String.join(", ", snippet.given())
                    + ") throws Exception {", snippet.givenLine());
        }
        for (int i = first; i < code.size(); i++) {
            add(code.get(i), snippet.fileLine(i));
        }
        if (!declares) {
            add("}}", snippet.fileLine(code.size()));
        }
    }

    private void add(String line, int markdownLine) {
        lines.add(line);
        origin.add(markdownLine);
    }

    /** Returns the Markdown line of generated line {@code line} (1-based). */
    int markdownLine(long line) {
        return line >= 1 && line <= origin.size() ? origin.get((int) line - 1) : snippet.fenceLine();
    }

    /** Returns the text of generated line {@code line} (1-based), or empty. */
    String generatedLine(long line) {
        return line >= 1 && line <= lines.size() ? lines.get((int) line - 1) : "";
    }

    /** Returns {@code file:line} for a Markdown line of this snippet. */
    String location(int markdownLine) {
        return snippet.file() + ":" + markdownLine;
    }

    MarkdownSnippet snippet() {
        return snippet;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return String.join("\n", lines) + "\n";
    }
}
