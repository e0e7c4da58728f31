package io.p4n4.agent;

import io.p4n4.api.score.NatsCredentials;
import io.p4n4.api.spi.CredentialSource;
import java.util.Map;
import java.util.Optional;

/**
 * Reads NATS credentials from environment variables {@code NATS_USER} and {@code NATS_PASSWORD}
 * (both must be set). Immutable and thread-safe.
 */
public final class EnvironmentCredentialSource implements CredentialSource {

    /** The variable holding the user. */
    public static final String USER = "NATS_USER";
    /** The variable holding the password. */
    public static final String PASSWORD = "NATS_PASSWORD";

    private final Map<String, String> env;

    private EnvironmentCredentialSource(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Returns a source reading this process's environment. */
    public static EnvironmentCredentialSource create() {
        return new EnvironmentCredentialSource(System.getenv());
    }

    /** Returns a source reading the given variables (for tests and embedding). */
    public static EnvironmentCredentialSource of(Map<String, String> env) {
        return new EnvironmentCredentialSource(env);
    }

    @Override
    public String id() {
        return "environment";
    }

    @Override
    public Optional<NatsCredentials> natsCredentials() {
        String user = env.get(USER);
        String password = env.get(PASSWORD);
        if (user == null || user.isBlank() || password == null) {
            return Optional.empty();
        }
        return Optional.of(new NatsCredentials(user, password, "environment"));
    }

    @Override
    public String toString() {
        return "EnvironmentCredentialSource";
    }
}
