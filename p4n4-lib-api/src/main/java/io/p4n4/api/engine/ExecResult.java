package io.p4n4.api.engine;

import java.util.Objects;

/**
 * The outcome of a command run inside a container.
 *
 * @param exitCode the command's exit code
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error
 */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public ExecResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** Returns true when the command exited with 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
