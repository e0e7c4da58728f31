package io.p4n4.api.score;

import java.util.Objects;

/**
 * User and password for connecting to NATS. {@link #toString()} masks the password, so it can be
 * logged. Immutable.
 *
 * @param user the NATS user
 * @param password the password (never printed)
 * @param source where they came from (a file path or {@code environment}), for messages
 */
public record NatsCredentials(String user, String password, String source) {

    /** Checks the fields. */
    public NatsCredentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "NatsCredentials[user=" + user + ", password=****, source=" + source + "]";
    }
}
