package io.p4n4.core.edge.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Copies and moves model files so that a reader sees the old file or the new one, never half of one. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** Deletes every {@code *.eim} in {@code dir} but {@code except}. */
    public static void clearKept(Path dir, Path except) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.eim")) {
            for (Path f : files) {
                if (!f.equals(except)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** Copies to a temporary file beside {@code target} (mode 0755), then renames it over {@code target}. */
    public static void copyAtomically(Path source, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".p4n4-", ".tmp");
        try {
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                tmp.toFile().setExecutable(true, false);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames atomically where the file system can, replacing {@code to}. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
