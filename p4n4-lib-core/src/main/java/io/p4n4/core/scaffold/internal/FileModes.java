package io.p4n4.core.scaffold.internal;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** POSIX modes of the files a scaffold writes. */
public final class FileModes {
    /**
     * rw-r--r--: stack files are bind-mounted into containers whose processes run as other users
     * (mosquitto, node-red), so they must be world-readable; secrets live only in {@code .env}.
     */
    public static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");

    private FileModes() {
    }
}
