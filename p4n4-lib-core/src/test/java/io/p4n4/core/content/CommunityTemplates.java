package io.p4n4.core.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The official community templates, {@code community-templates/} at the repository root: a registry
 * ({@code index.json}, index v2) with one directory per template. Found at {@code -Dp4n4.community.templates}
 * or {@code ../community-templates} from the module directory.
 */
final class CommunityTemplates {
    private CommunityTemplates() {
    }

    static Path root() {
        Path dir = Path.of(System.getProperty("p4n4.community.templates", "../community-templates"));
        if (!Files.isRegularFile(dir.resolve("index.json"))) {
            throw new IllegalStateException("no index.json in " + dir.toAbsolutePath()
                    + ": run the tests from the module directory or set -Dp4n4.community.templates");
        }
        return dir;
    }

    static JsonNode index() {
        return read(root().resolve("index.json"));
    }

    /** The template directories: those holding a p4n4-template.toml. */
    static List<Path> templates() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("p4n4-template.toml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TomlParseResult manifest(Path template) {
        try {
            TomlParseResult toml = Toml.parse(template.resolve("p4n4-template.toml"));
            if (toml.hasErrors()) {
                throw new AssertionError(template + "/p4n4-template.toml: " + toml.errors());
            }
            return toml;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode flows(Path template) {
        return read(template.resolve("files/stacks/iot/config/node-red/flows.json"));
    }

    /** Every file under {@code files/}. */
    static List<Path> files(Path template) {
        try (Stream<Path> walk = Files.walk(template.resolve("files"))) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return BundledContent.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
