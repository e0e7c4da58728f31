package io.p4n4.api.engine;

import java.util.List;
import java.util.Objects;

/**
 * A network a container joins, with the extra DNS names it answers to there.
 *
 * @param network the network name
 * @param aliases extra names other containers on that network can resolve (the service name, in compose)
 */
public record NetworkAttachment(String network, List<String> aliases) {

    public NetworkAttachment {
        Objects.requireNonNull(network, "network");
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
    }

    /** Joins {@code network} with the given aliases. */
    public static NetworkAttachment of(String network, String... aliases) {
        return new NetworkAttachment(network, List.of(aliases));
    }
}
