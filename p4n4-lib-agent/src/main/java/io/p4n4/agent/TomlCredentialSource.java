package io.p4n4.agent;

import io.p4n4.api.score.NatsCredentials;
import io.p4n4.api.spi.CredentialSource;
import io.p4n4.agent.internal.TomlFiles;
import java.nio.file.Path;
import java.util.Optional;
import org.tomlj.TomlParseResult;

/**
 * Reads NATS credentials from the {@code [credentials]} table of the agent's TOML file:
 * {@code type = "toml-shared"} with {@code nats_user} and {@code nats_pass}, or {@code type = "none"}
 * (or no table) for none. The file is read on each call, so a rotated password is picked up on the
 * next connection. Errors name file, line and key, never the password. Thread-safe.
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
                return Optional.of(new NatsCredentials(
                        TomlFiles.requireString(file, toml, "credentials.nats_user"),
                        TomlFiles.requireString(file, toml, "credentials.nats_pass"),
                        file.toString()));
            default:
                throw TomlFiles.error(file, toml, "credentials.type", "unknown credentials type '" + type
                        + "'; use \"toml-shared\" (nats_user, nats_pass) or \"none\"");
        }
    }

    @Override
    public String toString() {
        return "TomlCredentialSource[" + file + "]";
    }
}
