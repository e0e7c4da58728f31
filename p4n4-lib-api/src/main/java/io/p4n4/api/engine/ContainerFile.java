package io.p4n4.api.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file the engine writes into a container after creating it and before starting it: how compose's
 * {@code secrets} and {@code configs} reach a container when they carry an owner or mode, or come from
 * an environment variable. The content may be a secret: {@link #toString()} shows only the path, owner,
 * mode and size.
 */
public final class ContainerFile {
    private final String path;
    private final byte[] content;
    private final int uid;
    private final int gid;
    private final int mode;

    private ContainerFile(String path, byte[] content, int uid, int gid, int mode) {
        this.path = Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("container file path must be absolute and name a file, not " + path);
        }
        this.content = Objects.requireNonNull(content, "content").clone();
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("uid and gid of " + path + " must not be negative");
        }
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode of " + path + " must be between 0 and 07777");
        }
        this.uid = uid;
        this.gid = gid;
        this.mode = mode;
    }

    /** A file at {@code path} with {@code content}, owned by {@code uid:gid}, with permission bits {@code mode}. */
    public static ContainerFile of(String path, byte[] content, int uid, int gid, int mode) {
        return new ContainerFile(path, content, uid, gid, mode);
    }

    /** The absolute path inside the container; missing parent directories are created. */
    public String path() {
        return path;
    }

    /** A copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    /** The owner's user id. */
    public int uid() {
        return uid;
    }

    /** The owner's group id. */
    public int gid() {
        return gid;
    }

    /** The permission bits ({@code 0444} is compose's default for secrets and configs). */
    public int mode() {
        return mode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContainerFile f && path.equals(f.path) && Arrays.equals(content, f.content)
                && uid == f.uid && gid == f.gid && mode == f.mode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, Arrays.hashCode(content), uid, gid, mode);
    }

    /** Shows the path, owner, mode and size, never the content. */
    @Override
    public String toString() {
        return "ContainerFile[" + path + ", " + uid + ":" + gid + ", mode=0" + Integer.toOctalString(mode) + ", "
                + content.length + " bytes]";
    }
}
