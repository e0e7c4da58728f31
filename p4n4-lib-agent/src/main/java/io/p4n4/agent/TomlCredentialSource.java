package io.p4n4.agent;

import io.p4n4.api.score.NatsCredentials;
import io.p4n4.api.spi.CredentialSource;
import io.p4n4.agent.internal.TomlFiles;
import java.nio.file.Path;
import java.util.Optional;
import org.tomlj.TomlParseResult;

/**
 * Reads NATS credentials from the {@code [credentials]} table of the agent's TOML file, by {@code type}:
 * <ul>
 *   <li>{@code "toml-shared"}: {@code nats_user} and {@code nats_pass};</li>
 *   <li>{@code "token"}: {@code nats_token};</li>
 *   <li>{@code "nkey"}: {@code seed_file}, a file holding an NKey user seed ({@code SU...});</li>
 *   <li>{@code "creds"}: {@code creds_file}, a JWT {@code .creds} file;</li>
 *   <li>{@code "none"} (or no table): anonymous.</li>
 * </ul>
 * Relative file paths are resolved against the TOML file's directory. The file is read on each call, so
 * a rotated password is picked up on the next connection. Errors name file, line and key, never a
 * secret. Thread-safe.
 */
public final class TomlCredentialSource implements CredentialSource {

    private final Path file;

    private TomlCredentialSource(Path file) {
        this.file = file;
    }

    /** Returns a source reading the given file. */
    public static TomlCredentialSource of(Path file) {
        return new TomlCredentialSource(file);
    }

    @Override
    public String id() {
        return "toml";
    }

    /**
     * {@inheritDoc}
     *
     * @throws io.p4n4.api.InvalidFileException when the table is malformed or its type unknown
     */
    @Override
    public Optional<NatsCredentials> natsCredentials() {
        TomlParseResult toml = TomlFiles.parse(file);
        if (!toml.contains("credentials")) {
            return Optional.empty();
        }
        String type = TomlFiles.requireString(file, toml, "credentials.type");
        switch (type) {
            case "none":
                return Optional.empty();
            case "toml-shared":
                return Optional.of(NatsCredentials.userPassword(
                        TomlFiles.requireString(file, toml, "credentials.nats_user"),
                        TomlFiles.requireString(file, toml, "credentials.nats_pass"),
                        file.toString()));
            case "token":
                return Optional.of(NatsCredentials.token(TomlFiles.requireString(file, toml, "credentials.nats_token"),
                        file.toString()));
            case "nkey":
                return Optional.of(NatsCredentials.nkeySeedFile(path(toml, "credentials.seed_file"), file.toString()));
            case "creds":
                return Optional.of(NatsCredentials.credsFile(path(toml, "credentials.creds_file"), file.toString()));
            default:
                throw TomlFiles.error(file, toml, "credentials.type", "unknown credentials type '" + type
                        + "'; use \"toml-shared\" (nats_user, nats_pass), \"token\" (nats_token), \"nkey\""
                        + " (seed_file), \"creds\" (creds_file) or \"none\"");
        }
    }

    private Path path(TomlParseResult toml, String key) {
        return TomlFiles.requirePath(file, toml, key);
    }

    @Override
    public String toString() {
        return "TomlCredentialSource[" + file + "]";
    }
}
