package io.p4n4.api.score;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a client proves who it is to NATS: a user and password, a token, an NKey seed file, or a JWT
 * {@code .creds} file (operator mode). TLS is configured beside it, not here. Secrets held in memory (a
 * password, a token) never appear in {@code toString()}; the file kinds hold only a path and are read
 * when connecting, so a rotated file is used on the next connection. Immutable.
 */
public sealed interface NatsCredentials
        permits NatsCredentials.UserPassword, NatsCredentials.Token, NatsCredentials.NKeySeedFile,
        NatsCredentials.CredsFile {

    /** Returns where the credentials came from (a file path, {@code environment}, {@code --nats-*}), for messages. */
    String source();

    /** Returns what kind of credential this is and who it names, without any secret (for messages). */
    String describe();

    /** Returns user and password credentials. */
    static NatsCredentials userPassword(String user, String password, String source) {
        return new UserPassword(user, password, source);
    }

    /** Returns token credentials. */
    static NatsCredentials token(String token, String source) {
        return new Token(token, source);
    }

    /** Returns credentials signing the server's nonce with the NKey seed ({@code SU...}) in {@code seedFile}. */
    static NatsCredentials nkeySeedFile(Path seedFile, String source) {
        return new NKeySeedFile(seedFile, source);
    }

    /** Returns credentials from a JWT {@code .creds} file (user JWT and NKey seed, as {@code nsc} writes them). */
    static NatsCredentials credsFile(Path credsFile, String source) {
        return new CredsFile(credsFile, source);
    }

    /**
     * A user and password (server {@code authorization { users = [...] }}).
     *
     * @param user the NATS user
     * @param password the password (never printed)
     * @param source where they came from
     */
    record UserPassword(String user, String password, String source) implements NatsCredentials {
        /** Checks the fields. */
        public UserPassword {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String describe() {
            return "user '" + user + "' with a password from " + source;
        }

        @Override
        public String toString() {
            return "UserPassword[user=" + user + ", password=****, source=" + source + "]";
        }
    }

    /**
     * A token (server {@code authorization { token = ... }}).
     *
     * @param token the token (never printed)
     * @param source where it came from
     */
    record Token(String token, String source) implements NatsCredentials {
        /** Checks the fields. */
        public Token {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String describe() {
            return "a token from " + source;
        }

        @Override
        public String toString() {
            return "Token[token=****, source=" + source + "]";
        }
    }

    /**
     * An NKey seed file: one line {@code SU...} (server {@code authorization { users = [{nkey: U...}] }}).
     *
     * @param seedFile the file holding the seed (keep it 0600)
     * @param source where the path came from
     */
    record NKeySeedFile(Path seedFile, String source) implements NatsCredentials {
        /** Checks the fields. */
        public NKeySeedFile {
            Objects.requireNonNull(seedFile, "seedFile");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String describe() {
            return "the NKey seed in " + seedFile;
        }
    }

    /**
     * A JWT {@code .creds} file: the user JWT and its NKey seed (server in operator mode).
     *
     * @param credsFile the file (keep it 0600)
     * @param source where the path came from
     */
    record CredsFile(Path credsFile, String source) implements NatsCredentials {
        /** Checks the fields. */
        public CredsFile {
            Objects.requireNonNull(credsFile, "credsFile");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String describe() {
            return "the user JWT and seed in " + credsFile;
        }
    }
}
