package io.p4n4.cli.output;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writers on the process's standard output and error that always encode UTF-8. {@code System.out} encodes
 * with the locale's charset, which is US-ASCII when no locale is set (cron, systemd units, {@code env -i},
 * minimal containers) and turns every non-ASCII character into {@code ?}: data lost, and JSON that is no
 * longer what the engine said.
 */
public final class Utf8Streams {
    private Utf8Streams() {
    }

    /** A UTF-8 writer on file descriptor 1 that flushes on every {@code println}. */
    public static PrintWriter stdout() {
        return writer(FileDescriptor.out);
    }

    /** A UTF-8 writer on file descriptor 2 that flushes on every {@code println}. */
    public static PrintWriter stderr() {
        return writer(FileDescriptor.err);
    }

    private static PrintWriter writer(FileDescriptor fd) {
        return new PrintWriter(new OutputStreamWriter(new BufferedOutputStream(new FileOutputStream(fd)),
                StandardCharsets.UTF_8), true);
    }
}
