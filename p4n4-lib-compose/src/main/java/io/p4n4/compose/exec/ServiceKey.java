package io.p4n4.compose.exec;

import java.util.Objects;

/**
 * One service-level key of the compose specification and what {@code up} does with it.
 *
 * @param path  the key, dotted below the service ({@code cap_add}, {@code deploy.resources.limits.memory},
 *              {@code healthcheck.start_interval})
 * @param group applied, refused or ignored
 * @param note  for an applied key, how; for a refused one, why and what to do instead; for an ignored one, why
 */
public record ServiceKey(String path, KeyGroup group, String note) {

    /** Checks the parts. */
    public ServiceKey {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(note, "note");
    }
}
