package io.p4n4.core.project;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The upstream fixture projects in the shared folder; tests skip when it is absent. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Returns {@code shared/fixtures/p4n4-upstream}, or skips the test. */
    public static Path upstream() {
        String shared = System.getProperty("p4n4.shared.dir", "../../shared");
        Path dir = Path.of(shared, "fixtures", "p4n4-upstream");
        assumeTrue(Files.isDirectory(dir), "upstream fixtures not found at " + dir.toAbsolutePath()
                + " (set -Dp4n4.shared.dir); skipping");
        return dir;
    }

    /** Copies a directory tree. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                    target.toFile().setWritable(true);
                }
            }
        }
    }

    /**
     * Builds a project as the upstream CLI scaffolds it (flat layout) for one layer: the stack repo's
     * files, {@code .env} from its {@code .env.example}, the code files upstream copies (not in the
     * fixtures) as stand-ins, and the upstream manifest.
     */
    public static Path upstreamFlatProject(Path into, String layer) throws IOException {
        Path up = upstream();
        copyTree(up.resolve("p4n4-" + layer), into);
        Files.copy(into.resolve(".env.example"), into.resolve(".env"));
        for (String code : new String[] {"config/node-red/settings.js", "scripts/init-buckets.sh",
                "scripts/pull-models.sh"}) {
            Files.createDirectories(into.resolve(code).getParent());
            Files.writeString(into.resolve(code), "// stand-in for upstream code\n");
        }
        Files.writeString(into.resolve(".gitignore"), ".env\n");
        Files.copy(up.resolve("p4n4-cli/test-project/.p4n4.json"), into.resolve(".p4n4.json"));
        return into;
    }
}
