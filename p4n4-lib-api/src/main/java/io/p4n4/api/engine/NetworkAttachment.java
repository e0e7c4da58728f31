package io.p4n4.api.engine;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A network a container joins, with the extra DNS names it answers to there and, optionally, fixed
 * addresses (the network needs a subnet that holds them).
 *
 * @param network the network name
 * @param aliases extra names other containers on that network can resolve (the service name, in compose)
 * @param ipv4Address a fixed IPv4 address on that network, or {@code null} for one the engine picks
 * @param ipv6Address a fixed IPv6 address on that network, or {@code null} for one the engine picks
 */
public record NetworkAttachment(String network, List<String> aliases, @Nullable String ipv4Address,
        @Nullable String ipv6Address) {

    /** Checks and copies the parts. */
    public NetworkAttachment {
        Objects.requireNonNull(network, "network");
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        if (ipv4Address != null && (ipv4Address.isBlank() || ipv4Address.contains(":"))) {
            throw new IllegalArgumentException("'" + ipv4Address + "' is not an IPv4 address (network " + network + ")");
        }
        if (ipv6Address != null && !ipv6Address.contains(":")) {
            throw new IllegalArgumentException("'" + ipv6Address + "' is not an IPv6 address (network " + network + ")");
        }
    }

    /** Joins {@code network} with the given aliases and addresses the engine picks. */
    public NetworkAttachment(String network, List<String> aliases) {
        this(network, aliases, null, null);
    }

    /** Joins {@code network} with the given aliases. */
    public static NetworkAttachment of(String network, String... aliases) {
        return new NetworkAttachment(network, List.of(aliases));
    }

    /** The same attachment with the fixed IPv4 address {@code value} ({@code null}: the engine picks). */
    public NetworkAttachment withIpv4Address(@Nullable String value) {
        return new NetworkAttachment(network, aliases, value, ipv6Address);
    }

    /** The same attachment with the fixed IPv6 address {@code value} ({@code null}: the engine picks). */
    public NetworkAttachment withIpv6Address(@Nullable String value) {
        return new NetworkAttachment(network, aliases, ipv4Address, value);
    }
}
