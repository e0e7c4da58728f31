package io.p4n4.core.project;

import io.p4n4.api.project.StackId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@code init} creates: where, the project name, which stacks, and whether a non-empty directory
 * may be used. Immutable and thread-safe.
 *
 * @param directory the project directory (created if missing)
 * @param name the project name; {@code null} means the directory's name
 * @param stacks the stacks to scaffold (duplicates dropped, canonical order)
 * @param force whether to write into a non-empty directory, replacing files of the same name
 */
public record InitOptions(Path directory, @Nullable String name, List<StackId> stacks, boolean force) {

    /** Validates and normalizes. */
    public InitOptions {
        Objects.requireNonNull(directory, "directory");
        directory = directory.toAbsolutePath().normalize();
        stacks = stacks.stream().distinct().sorted(StackId.CANONICAL_ORDER).toList();
    }

    /** Options for {@code stacks} in {@code directory}, named after it, not forced. */
    public static InitOptions of(Path directory, List<StackId> stacks) {
        return new InitOptions(directory, null, stacks, false);
    }

    /** Returns a copy with the project name {@code name} ({@code null}: the directory's name). */
    public InitOptions withName(@Nullable String name) {
        return new InitOptions(directory, name, stacks, force);
    }

    /** Returns a copy that may write into a non-empty directory. */
    public InitOptions withForce(boolean force) {
        return new InitOptions(directory, name, stacks, force);
    }

    /** Returns the project name: the given one, or the directory's name. */
    public String projectName() {
        if (name != null && !name.isBlank()) {
            return name.trim();
        }
        Path file = directory.getFileName();
        return file == null ? "p4n4" : file.toString();
    }
}
