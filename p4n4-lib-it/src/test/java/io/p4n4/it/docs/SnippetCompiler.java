package io.p4n4.it.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Markdown snippets in-process with {@code javax.tools} against this JVM's class path and
 * reports each snippet's errors (and deprecation warnings) by Markdown file and line.
 */
final class SnippetCompiler {
    private SnippetCompiler() {
    }

    /**
     * Compiles {@code snippets} (each in its own package) and returns, per snippet in the same order, the
     * messages about it: empty when it compiles cleanly. javac stops every unit of a task at the first
     * phase with an error (a syntax error in one snippet hides type errors in the others), so a snippet
     * counts as clean only when it was compiled in a round in which no snippet had a problem.
     */
    static List<List<String>> compile(List<MarkdownSnippet> snippets, Path relativeTo) {
        List<String> packages = publicP4n4Packages();
        List<SnippetSource> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            sources.add(new SnippetSource(snippets.get(i), "snippets.s" + i, packages));
        }
        Map<SnippetSource, List<String>> results = new IdentityHashMap<>();
        List<SnippetSource> remaining = sources;
        while (!remaining.isEmpty()) {
            Map<SnippetSource, List<String>> round = compileOnce(remaining, relativeTo);
            List<SnippetSource> failed = remaining.stream().filter(s -> !round.get(s).isEmpty()).toList();
            if (failed.isEmpty()) {
                remaining.forEach(s -> results.put(s, List.of()));
                break;
            }
            failed.forEach(s -> results.put(s, List.copyOf(round.get(s))));
            remaining = remaining.stream().filter(s -> round.get(s).isEmpty()).toList();
        }
        return sources.stream().map(results::get).toList();
    }

    private static Map<SnippetSource, List<String>> compileOnce(List<SnippetSource> sources, Path relativeTo) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out;
        try {
            out = Files.createTempDirectory("p4n4-snippets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-proc:none", "-Xlint:deprecation,removal", "-d", out.toString(),
                    "-classpath", classPath());
            javac.getTask(null, files, diagnostics, options, null, sources).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(out);
        }
        Map<SnippetSource, List<String>> bySource = new IdentityHashMap<>();
        sources.forEach(s -> bySource.put(s, new ArrayList<>()));
        List<String> unplaced = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.NOTE) {
                continue;
            }
            if (d.getSource() instanceof SnippetSource s) {
                String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
                bySource.get(s).add(relativeTo.relativize(s.snippet().file()) + ":"
                        + s.markdownLine(d.getLineNumber()) + ": " + kind + ": " + d.getMessage(Locale.ROOT)
                        + "\n    " + s.generatedLine(d.getLineNumber()).strip());
            } else {
                unplaced.add(d.toString());
            }
        }
        if (!unplaced.isEmpty()) {
            throw new IllegalStateException("javac reported problems outside the snippets: " + unplaced);
        }
        return bySource;
    }

    /** The test class path: Surefire's, when it hides it behind a manifest-only jar, else this JVM's. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * Returns the p4n4 packages on the class path that a user may import: under {@code io.p4n4}, not
     * {@code internal}, not this module's own tests ({@code io.p4n4.it}).
     */
    static List<String> publicP4n4Packages() {
        TreeSet<String> packages = new TreeSet<>();
        try {
            for (URL root : Collections.list(SnippetCompiler.class.getClassLoader().getResources("io/p4n4"))) {
                collect(root, packages);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the io.p4n4 packages on the class path", e);
        }
        packages.removeIf(p -> p.equals("io.p4n4") || p.startsWith("io.p4n4.it.") || p.equals("io.p4n4.it")
                || p.contains(".internal"));
        return List.copyOf(packages);
    }

    private static void collect(URL root, TreeSet<String> packages) throws IOException, URISyntaxException {
        if (root.openConnection() instanceof JarURLConnection jarUrl) {
            try (JarFile jar = new JarFile(Path.of(jarUrl.getJarFileURL().toURI()).toFile())) {
                jar.stream().map(JarEntry::getName).filter(n -> n.startsWith("io/p4n4/") && n.endsWith(".class"))
                        .map(n -> n.substring(0, n.lastIndexOf('/')).replace('/', '.')).forEach(packages::add);
            }
        } else {
            Path dir = Path.of(root.toURI());
            collectClasses(dir, dir.getParent().getParent(), packages);
        }
    }

    private static void collectClasses(Path dir, Path base, TreeSet<String> packages) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(".class"))
                    .map(p -> base.relativize(p.getParent()).toString().replace('/', '.'))
                    .forEach(packages::add);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
