package io.p4n4.compose.files;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes files so that a reader sees either the old content or the new, never half of it: the
 * content goes to a temporary file in the same directory, is forced to disk, and the file is then renamed
 * over the target (the directory is forced too, so the rename survives a power loss where the file system
 * allows it).
 * Owner-only files (secrets) are created with mode 0600 before any byte is written.
 */
public final class AtomicFiles {
    /** rw------- : for {@code .env} and anything else holding secrets. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * rw-r--r-- : for everything else. Stack files are bind-mounted into containers whose processes run
     * as other users (mosquitto, node-red), so they must be readable by all; secrets live only in .env.
     */
    public static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Writes UTF-8 text atomically; the file ends up with mode 0644 (where the file system is POSIX). */
    public static void writeString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8), SHARED);
    }

    /** Writes UTF-8 text atomically; the file ends up with mode 0600 (where the file system is POSIX). */
    public static void writeSecretString(Path target, String content) {
        write(target, content.getBytes(StandardCharsets.UTF_8), OWNER_ONLY);
    }

    /**
     * Writes bytes atomically.
     *
     * @param permissions the POSIX permissions of the result, or {@code null} for those of a new
     *     temporary file (owner-only on most systems)
     * @throws P4n4Exception GENERAL when the file cannot be written (the message names it)
     */
    public static void write(Path target, byte[] content, @Nullable Set<PosixFilePermission> permissions) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = createTemp(dir, target.getFileName().toString(), permissions);
            writeDurably(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            forceDirectory(dir);
            if (permissions != null && isPosix(target)) {
                // an existing target keeps its inode's mode through rename only on some systems: set it
                Files.setPosixFilePermissions(target, permissions);
            }
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot write " + target + ": " + e.getMessage()
                    + "; check that the directory exists and is writable", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after the target
                }
            }
        }
    }

    /** Writes the bytes and forces them to disk, so the rename never publishes a file whose data is not there. */
    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Makes the rename itself durable where the file system lets a directory be opened (Linux does). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the file's content is already on disk; only the rename may be replayed after a power loss
        }
    }

    private static Path createTemp(Path dir, String name, @Nullable Set<PosixFilePermission> permissions)
            throws IOException {
        String prefix = "." + name + ".";
        if (permissions != null && isPosix(dir)) {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(permissions));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
