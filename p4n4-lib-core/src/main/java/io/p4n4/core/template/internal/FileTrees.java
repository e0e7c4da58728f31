package io.p4n4.core.template.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copying and deleting directory trees. Stateless and thread-safe. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Copies the regular files and directories under {@code from} into {@code to}, leaving out {@code .git}. */
    public static void copy(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        Files.copy(file, to.resolve(from.relativize(file).toString()),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code dir} and everything under it; quietly does nothing when it does not exist. */
    public static void deleteQuietly(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover in the cache is cleaned on the next refresh
                }
            });
        } catch (IOException e) {
            // best effort, as above
        }
    }
}
