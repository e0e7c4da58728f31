package io.p4n4.api;

/**
 * The kinds of failure p4n4 distinguishes. Each code is also the exit code of the {@code p4n4} CLI,
 * so scripts can react to the kind of failure without parsing messages.
 *
 * <p>Thread-safety: immutable.
 */
public enum ErrorCode {
    /** Success; never carried by an exception. */
    OK(0),
    /** An unexpected failure: a bug, or an environment problem nothing else describes. */
    GENERAL(1),
    /** Bad arguments, no {@code .p4n4.json} found, or a malformed manifest. */
    USER(2),
    /** A compose file is invalid, or Docker/Podman is unreachable or failing. */
    ENGINE(3),
    /** {@code p4n4-net} is missing, or a service cannot be reached. */
    NETWORK(4),
    /** Missing required {@code .env} variables and other validation failures. */
    VALIDATION(5),
    /** A stack version outside the supported range. */
    COMPATIBILITY(6);

    private final int exitCode;

    ErrorCode(int exitCode) {
        this.exitCode = exitCode;
    }

    /** Returns the process exit code the CLI uses for this kind of failure. */
    public int exitCode() {
        return exitCode;
    }
}
