package io.p4n4.agent;

import io.p4n4.api.score.NatsCredentials;
import io.p4n4.api.spi.CredentialSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Asks credential sources in order; the first that has credentials wins. Stateless. */
public final class CredentialSources {

    private CredentialSources() {
    }

    /** Returns the agent's default order: its TOML file first, then the environment. */
    public static List<CredentialSource> defaults(Path configFile) {
        return List.of(TomlCredentialSource.of(configFile), EnvironmentCredentialSource.create());
    }

    /** Returns the first credentials any source has, or empty (connect anonymously). */
    public static Optional<NatsCredentials> first(List<CredentialSource> sources) {
        for (CredentialSource source : sources) {
            Optional<NatsCredentials> found = source.natsCredentials();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
