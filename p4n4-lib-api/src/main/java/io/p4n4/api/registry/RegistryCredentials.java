package io.p4n4.api.registry;

import java.util.Objects;

/**
 * A user name and password (or identity token) for one registry, and where they were found.
 * {@link #toString()} never shows the password.
 *
 * @param registry the registry host, {@code 127.0.0.1:5001} or {@code docker.io}
 * @param username the user name
 * @param password the password or token (never shown)
 * @param source   where the credentials came from: a file path or {@code docker-credential-NAME}
 */
public record RegistryCredentials(String registry, String username, String password, String source) {

    /** Checks the parts. */
    public RegistryCredentials {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "RegistryCredentials[registry=" + registry + ", username=" + username + ", password=***, source="
                + source + "]";
    }
}
