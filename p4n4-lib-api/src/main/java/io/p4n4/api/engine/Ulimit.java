package io.p4n4.api.engine;

import java.util.Objects;

/**
 * One resource limit of the container's processes ({@code setrlimit}), as compose's {@code ulimits} sets it.
 *
 * @param name the limit without its {@code RLIMIT_} prefix, lower case ({@code nofile}, {@code nproc})
 * @param soft the soft limit
 * @param hard the hard limit, at least {@code soft}
 */
public record Ulimit(String name, long soft, long hard) {

    /** Checks the parts. */
    public Ulimit {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z]+")) {
            throw new IllegalArgumentException("ulimit name must be lower-case letters (nofile, nproc), not " + name);
        }
        if (soft > hard) {
            throw new IllegalArgumentException("ulimit " + name + ": soft limit " + soft + " exceeds hard limit "
                    + hard);
        }
    }
}
