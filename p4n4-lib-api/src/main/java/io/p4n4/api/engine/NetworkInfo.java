package io.p4n4.api.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an engine reports about a network.
 *
 * @param id the network id
 * @param name the network name
 * @param driver the driver ({@code bridge})
 * @param subnets the IPv4/IPv6 subnets in CIDR form
 * @param labels the network's labels
 */
public record NetworkInfo(String id, String name, String driver, List<String> subnets, Map<String, String> labels) {

    public NetworkInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        driver = driver == null ? "" : driver;
        subnets = List.copyOf(subnets == null ? List.of() : subnets);
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
