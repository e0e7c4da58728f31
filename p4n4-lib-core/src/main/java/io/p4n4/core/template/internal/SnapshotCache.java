package io.p4n4.core.template.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.spi.TemplateSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The last fetched copy of each registry or repository, one directory per URL under the cache root:
 * {@code <sha256 of the URL>/snapshot/} and {@code fetched-at}. A fetch goes into a fresh directory that
 * replaces the snapshot only when it succeeded, so a failed fetch leaves the previous snapshot as it was.
 */
public final class SnapshotCache {
    private final Path root;

    /** A cache under {@code root} (created when needed). */
    public SnapshotCache(Path root) {
        this.root = root;
    }

    /** A snapshot: its directory and when it was fetched. */
    public record Snapshot(Path directory, Instant fetchedAt) {
    }

    /** The cached snapshot of {@code location}, if one was fetched before. */
    public Optional<Snapshot> find(URI location) {
        Path dir = entry(location);
        try {
            Path stamp = dir.resolve("fetched-at");
            if (!Files.isDirectory(dir.resolve("snapshot")) || !Files.isRegularFile(stamp)) {
                return Optional.empty();
            }
            return Optional.of(new Snapshot(dir.resolve("snapshot"),
                    Instant.parse(Files.readString(stamp, StandardCharsets.UTF_8).strip())));
        } catch (IOException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Fetches {@code location} with {@code source} and makes it the snapshot; the old one stays on failure. */
    public Snapshot refresh(URI location, TemplateSource source, Instant now) {
        Path dir = entry(location);
        Path incoming = dir.resolve("incoming-" + UUID.randomUUID());
        Path trash = dir.resolve("old-" + UUID.randomUUID());
        try {
            Files.createDirectories(incoming);
            Files.writeString(dir.resolve("url"), location + "\n", StandardCharsets.UTF_8);
            source.fetch(location, incoming);
            Path snapshot = dir.resolve("snapshot");
            if (Files.exists(snapshot)) {
                Files.move(snapshot, trash, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(incoming, snapshot, StandardCopyOption.ATOMIC_MOVE);
            io.p4n4.compose.files.AtomicFiles.writeString(dir.resolve("fetched-at"), now + "\n");
            return new Snapshot(snapshot, now);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot write the template cache " + dir + ": "
                    + e.getMessage() + "; check its permissions or set XDG_CACHE_HOME", e);
        } finally {
            FileTrees.deleteQuietly(incoming);
            FileTrees.deleteQuietly(trash);
        }
    }

    /** A fresh scratch directory in the cache, for a tarball; the caller deletes it. */
    public Path scratch() {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "scratch-");
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot write the template cache " + root + ": "
                    + e.getMessage(), e);
        }
    }

    private Path entry(URI location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(location.toString().getBytes(StandardCharsets.UTF_8));
            return root.resolve(HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
