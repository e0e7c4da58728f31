package io.p4n4.compose;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One IPAM pool of a network.
 *
 * @param subnet the subnet in CIDR form, e.g. {@code 172.20.0.0/16}, or {@code null}
 * @param ipRange the range to allocate from, or {@code null}
 * @param gateway the gateway address, or {@code null}
 * @param auxAddresses extra reserved addresses by name
 */
public record IpamConfig(@Nullable String subnet, @Nullable String ipRange, @Nullable String gateway,
        Map<String, String> auxAddresses) {
    /** Copies the map. */
    public IpamConfig {
        auxAddresses = Map.copyOf(auxAddresses);
    }
}
