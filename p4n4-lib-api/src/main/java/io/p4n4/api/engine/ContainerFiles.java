package io.p4n4.api.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Packs a spec's {@linkplain ContainerSpec#files() files} the way both engines' archive endpoints
 * ({@code PUT /containers/{id}/archive?path=/}) take them, for backends. Static methods only.
 */
public final class ContainerFiles {
    private static final int BLOCK = 512;

    private ContainerFiles() {
    }

    /**
     * One in-memory POSIX (ustar) tar, to be extracted at {@code /}: an entry per file with its uid, gid and
     * mode, and no directory entries (the engine creates missing parents such as {@code /run/secrets}; an
     * entry for an existing directory would change its owner and mode). A path that does not fit ustar's
     * name fields (a last segment over 100 bytes, or over 255 bytes in all) is refused.
     */
    public static byte[] tar(List<ContainerFile> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ContainerFile f : files) {
            byte[] content = f.content();
            out.writeBytes(header(f, content.length));
            out.writeBytes(content);
            out.writeBytes(new byte[(BLOCK - content.length % BLOCK) % BLOCK]);
        }
        out.writeBytes(new byte[2 * BLOCK]); // end of archive
        return out.toByteArray();
    }

    private static byte[] header(ContainerFile f, long size) {
        String path = f.path().substring(1);
        String prefix = "";
        String name = path;
        if (bytes(path).length > 100) {
            // ustar splits a long path at a '/' into prefix (155) and name (100)
            int cut = path.indexOf('/', Math.max(0, path.length() - 101));
            if (cut < 0 || bytes(path.substring(0, cut)).length > 155 || bytes(path.substring(cut + 1)).length > 100) {
                throw new IllegalArgumentException("container file path " + f.path() + " is too long for a tar"
                        + " entry: keep it under 255 bytes with no segment over 100");
            }
            prefix = path.substring(0, cut);
            name = path.substring(cut + 1);
        }
        byte[] h = new byte[BLOCK];
        put(h, 0, 100, bytes(name));
        octal(h, 100, 8, f.mode());
        octal(h, 108, 8, f.uid());
        octal(h, 116, 8, f.gid());
        octal(h, 124, 12, size);
        octal(h, 136, 12, 0); // mtime: fixed, so the same files give the same bytes
        h[156] = '0'; // regular file
        put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
        put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
        put(h, 345, 155, bytes(prefix));
        // the checksum is computed with its own field as eight spaces
        java.util.Arrays.fill(h, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        return h;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void put(byte[] h, int at, int length, byte[] value) {
        System.arraycopy(value, 0, h, at, Math.min(length, value.length));
    }

    /** {@code value} as zero-padded octal digits in {@code length - 1} bytes, then a NUL. */
    private static void octal(byte[] h, int at, int length, long value) {
        String digits = Long.toOctalString(value);
        if (digits.length() > length - 1) {
            throw new IllegalArgumentException("value " + value + " does not fit a tar header field");
        }
        put(h, at, length - 1, ("0".repeat(length - 1 - digits.length()) + digits)
                .getBytes(StandardCharsets.US_ASCII));
        h[at + length - 1] = 0;
    }
}
