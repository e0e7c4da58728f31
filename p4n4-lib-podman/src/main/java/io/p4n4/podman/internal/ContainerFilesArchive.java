package io.p4n4.podman.internal;

import io.p4n4.api.engine.ContainerFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A spec's files as one in-memory tar, to be extracted at {@code /} by libpod's
 * {@code PUT /containers/{id}/archive?path=/}. Each entry carries the file's uid, gid and mode, which Podman
 * keeps when asked not to chown them to the container's user ({@code copyUIDGID=false}). No directory
 * entries: the engine creates missing parents ({@code /run/secrets}) itself, and an entry for an existing
 * directory would change its owner and mode.
 */
final class ContainerFilesArchive {

    private ContainerFilesArchive() {
    }

    static byte[] tar(List<ContainerFile> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (ContainerFile f : files) {
                byte[] content = f.content();
                TarArchiveEntry e = new TarArchiveEntry(f.path().substring(1));
                e.setSize(content.length);
                e.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~07777 | f.mode());
                e.setUserId(f.uid());
                e.setGroupId(f.gid());
                tar.putArchiveEntry(e);
                tar.write(content);
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the tar of the container's files", e);
        }
        return bytes.toByteArray();
    }
}
