package io.p4n4.api.spi;

import io.p4n4.api.score.NatsCredentials;
import java.util.Optional;

/**
 * Supplies the credentials a device agent connects to NATS with. Sources are asked in order (the
 * agent's TOML file first, the environment second); the first that has credentials wins. A later
 * source (a token bootstrap, a vault) implements the same interface. Implementations are thread-safe.
 */
public interface CredentialSource {

    /** Returns a stable id ({@code toml}, {@code environment}) for messages. */
    String id();

    /** Returns the NATS credentials, or empty when this source has none (anonymous is then allowed). */
    Optional<NatsCredentials> natsCredentials();
}
