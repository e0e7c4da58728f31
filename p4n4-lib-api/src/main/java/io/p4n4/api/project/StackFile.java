package io.p4n4.api.project;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One file a stack puts into a project, relative to {@code stacks/<id>/}. Immutable and thread-safe.
 *
 * @param path where the file goes, relative to the stack folder, with {@code /} separators;
 *     for {@link Kind#DIRECTORY} the folder to create
 * @param resource the resource the provider opens to get the content ({@code null} for a directory)
 * @param kind how the content is produced
 */
public record StackFile(String path, @Nullable String resource, Kind kind) {

    /** How a stack file is produced. */
    public enum Kind {
        /** A Jinja2 template rendered with the project's values. */
        TEMPLATE,
        /** Copied byte for byte. */
        STATIC,
        /** An empty folder (kept in git with a {@code .gitkeep}). */
        DIRECTORY
    }

    /** Validates the entry: relative, no {@code ..}. */
    public StackFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\")
                || java.util.Arrays.asList(path.split("/")).contains("..")) {
            throw new IllegalArgumentException("stack file path must be relative without '..': " + path);
        }
        if ((kind == Kind.DIRECTORY) != (resource == null)) {
            throw new IllegalArgumentException("a resource is needed exactly for files: " + path);
        }
    }

    /** A template rendered into {@code path}. */
    public static StackFile template(String path, String resource) {
        return new StackFile(path, resource, Kind.TEMPLATE);
    }

    /** A file copied into {@code path}. */
    public static StackFile copy(String path, String resource) {
        return new StackFile(path, resource, Kind.STATIC);
    }

    /** An empty folder. */
    public static StackFile directory(String path) {
        return new StackFile(path, null, Kind.DIRECTORY);
    }
}
