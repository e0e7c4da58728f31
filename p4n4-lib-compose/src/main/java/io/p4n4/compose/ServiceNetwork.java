package io.p4n4.compose;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A service's attachment to one network.
 *
 * @param network the network's key in the project
 * @param aliases extra DNS names on that network
 * @param ipv4Address a fixed IPv4 address, or {@code null}
 * @param ipv6Address a fixed IPv6 address, or {@code null}
 */
public record ServiceNetwork(String network, List<String> aliases, @Nullable String ipv4Address,
        @Nullable String ipv6Address) {
    /** Checks and copies the components. */
    public ServiceNetwork {
        Objects.requireNonNull(network, "network");
        aliases = List.copyOf(aliases);
    }
}
