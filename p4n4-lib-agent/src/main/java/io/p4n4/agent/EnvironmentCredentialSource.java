package io.p4n4.agent;

import io.p4n4.api.score.NatsCredentials;
import io.p4n4.api.spi.CredentialSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads NATS credentials from environment variables (the names the {@code nats} CLI uses), the first
 * set of: {@code NATS_CREDS} (a JWT {@code .creds} file), {@code NATS_NKEY} (an NKey seed file),
 * {@code NATS_TOKEN}, {@code NATS_USER} with {@code NATS_PASSWORD}. Immutable and thread-safe.
 */
public final class EnvironmentCredentialSource implements CredentialSource {

    /** The variable holding the user. */
    public static final String USER = "NATS_USER";
    /** The variable holding the password. */
    public static final String PASSWORD = "NATS_PASSWORD";

    /** The variable holding the path of a JWT {@code .creds} file. */
    public static final String CREDS = "NATS_CREDS";
    /** The variable holding the path of an NKey seed file. */
    public static final String NKEY = "NATS_NKEY";
    /** The variable holding a token. */
    public static final String TOKEN = "NATS_TOKEN";

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
        if (set(CREDS)) {
            return Optional.of(NatsCredentials.credsFile(Path.of(env.get(CREDS)), "environment " + CREDS));
        }
        if (set(NKEY)) {
            return Optional.of(NatsCredentials.nkeySeedFile(Path.of(env.get(NKEY)), "environment " + NKEY));
        }
        if (set(TOKEN)) {
            return Optional.of(NatsCredentials.token(env.get(TOKEN), "environment " + TOKEN));
        }
        String user = env.get(USER);
        String password = env.get(PASSWORD);
        if (user == null || user.isBlank() || password == null) {
            return Optional.empty();
        }
        return Optional.of(NatsCredentials.userPassword(user, password, "environment"));
    }

    private boolean set(String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "EnvironmentCredentialSource";
    }
}
