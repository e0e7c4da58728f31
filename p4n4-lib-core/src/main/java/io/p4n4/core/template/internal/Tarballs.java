package io.p4n4.core.template.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * Downloads a template tarball ({@code .tar.gz}), checks its SHA-256 before anything is unpacked, and
 * unpacks regular files and directories only (no links, no absolute paths, no {@code ..}). Thread-safe.
 */
public final class Tarballs {
    private Tarballs() {
    }

    /**
     * Downloads {@code url} (http, https or file), checks it against {@code sha256} and unpacks it into
     * {@code target}, an empty directory.
     *
     * @throws P4n4Exception VALIDATION when the digest differs (nothing is unpacked), NETWORK when the
     *     download fails
     */
    public static void fetch(HttpClient http, URI url, String sha256, Path target, String template) {
        Path download = target.resolveSibling(target.getFileName() + ".tar.gz");
        try {
            if ("file".equals(url.getScheme())) {
                Files.copy(Path.of(url), download);
            } else {
                HttpIndexSource.download(http, url, download, "tarball of template " + template);
            }
            byte[] bytes = Files.readAllBytes(download);
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equalsIgnoreCase(sha256)) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "the tarball of template " + template + " (" + url
                        + ") has SHA-256 " + actual + " but the index says " + sha256 + "; it was refused and"
                        + " nothing was written. The file was changed or damaged: tell the registry's owner");
            }
            unpack(bytes, target, url);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.NETWORK, "cannot read the tarball of template " + template + " ("
                    + url + "): " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        } finally {
            try {
                Files.deleteIfExists(download);
            } catch (IOException e) {
                // a leftover download in the cache is harmless
            }
        }
    }

    private static void unpack(byte[] gz, Path target, URI url) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            String longName = null;
            byte[] header = new byte[512];
            while (readFully(in, header)) {
                if (allZero(header)) {
                    break;
                }
                String name = longName != null ? longName : field(header, 345, 155).isEmpty() ? field(header, 0, 100)
                        : field(header, 345, 155) + "/" + field(header, 0, 100);
                longName = null;
                long size = Long.parseLong(field(header, 124, 12).isEmpty() ? "0" : field(header, 124, 12), 8);
                char type = (char) header[156];
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                if (type == 'L') {
                    longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                    continue;
                }
                if (type == 'x' || type == 'g') {
                    continue; // pax attributes: names here are short enough for ustar
                }
                Path out = target.resolve(name).normalize();
                if (name.startsWith("/") || !out.startsWith(target)) {
                    throw new P4n4Exception(ErrorCode.VALIDATION, "the tarball " + url + " holds '" + name
                            + "', outside its directory; it was refused");
                }
                if (type == '5') {
                    Files.createDirectories(out);
                } else if (type == '0' || type == '\0') {
                    Files.createDirectories(out.getParent());
                    Files.write(out, body);
                } else {
                    throw new P4n4Exception(ErrorCode.VALIDATION, "the tarball " + url + " holds '" + name
                            + "', a link or special file (type " + type + "); templates hold regular files only");
                }
            }
        }
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        return n == buffer.length;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8).trim();
    }
}
