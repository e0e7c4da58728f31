package io.p4n4.compose;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One compose file to load: a file on disk, or YAML held in memory under a (virtual) path whose
 * directory its relative paths resolve against. Immutable and thread-safe.
 */
public final class ComposeSource {
    private final Path path;
    private final @Nullable String content;

    private ComposeSource(Path path, @Nullable String content) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath().normalize();
        this.content = content;
    }

    /** A compose file on disk. */
    public static ComposeSource file(Path path) {
        return new ComposeSource(path, null);
    }

    /** Compose YAML in memory; {@code virtualPath} names it in errors and gives its directory. */
    public static ComposeSource inline(Path virtualPath, String yaml) {
        return new ComposeSource(virtualPath, Objects.requireNonNull(yaml, "yaml"));
    }

    /** Returns the absolute path (real or virtual). */
    public Path path() {
        return path;
    }

    /** Returns the in-memory YAML, or empty for a file on disk. */
    public Optional<String> content() {
        return Optional.ofNullable(content);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ComposeSource s && s.path.equals(path) && Objects.equals(s.content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, content);
    }

    @Override
    public String toString() {
        return content == null ? path.toString() : path + " (in memory)";
    }
}
