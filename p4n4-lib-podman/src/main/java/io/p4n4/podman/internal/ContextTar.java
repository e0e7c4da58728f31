package io.p4n4.podman.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A build context directory streamed as a tar request body (never held in memory). Paths are relative to
 * the context; long names use POSIX (PAX) headers; file modes are kept. Podman's builder applies the
 * context's {@code .dockerignore} / {@code .containerignore} itself, so everything is sent.
 */
final class ContextTar extends RequestBody {
    private static final MediaType TAR = MediaType.get("application/x-tar");
    private final Path context;

    ContextTar(Path context) {
        this.context = context;
    }

    @Override
    public MediaType contentType() {
        return TAR;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        OutputStream out = sink.outputStream();
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(context)) {
            paths = walk.filter(p -> !p.equals(context)).sorted().toList();
        }
        for (Path p : paths) {
            String name = context.relativize(p).toString().replace('\\', '/');
            if (Files.isSymbolicLink(p)) {
                TarArchiveEntry e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                e.setLinkName(Files.readSymbolicLink(p).toString());
                tar.putArchiveEntry(e);
            } else {
                tar.putArchiveEntry(tar.createArchiveEntry(p, Files.isDirectory(p) ? name + "/" : name));
                if (Files.isRegularFile(p)) {
                    Files.copy(p, tar);
                }
            }
            tar.closeArchiveEntry();
        }
        tar.finish();
        out.flush();
    }
}
