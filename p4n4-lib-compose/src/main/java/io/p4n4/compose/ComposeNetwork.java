package io.p4n4.compose;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A top-level network of a compose project. Immutable and thread-safe.
 *
 * <p>{@link #name()} is the engine-side name: the {@code name:} attribute, the key for an external
 * network, or {@code <project>_<key>} after normalization.
 */
public final class ComposeNetwork {
    private final String key;
    private final Map<String, Object> attributes;

    ComposeNetwork(String key, Map<String, Object> attributes) {
        this.key = key;
        this.attributes = attributes;
    }

    /** Returns the network's key in the project ({@code networks: <key>:}). */
    public String key() {
        return key;
    }

    /** Returns the engine-side name (falls back to the key when normalization was off). */
    public String name() {
        return Attributes.findString(attributes, "name").orElse(key);
    }

    /** Whether the network is created outside the project (never created nor removed by it). */
    public boolean external() {
        return Attributes.bool(attributes.get("external"));
    }

    /** Returns the driver, if set ({@code bridge} is the engine default). */
    public Optional<String> driver() {
        return Attributes.findString(attributes, "driver");
    }

    /** Whether the network is internal (no outside connectivity). */
    public boolean internal() {
        return Attributes.bool(attributes.get("internal"));
    }

    /** Returns the driver options. */
    public Map<String, String> driverOpts() {
        return Attributes.stringMap(attributes.get("driver_opts"));
    }

    /** Returns the labels. */
    public Map<String, String> labels() {
        return Attributes.stringMap(attributes.get("labels"));
    }

    /** Returns the IPAM driver, if set. */
    public Optional<String> ipamDriver() {
        return Attributes.findString(Attributes.map(attributes.get("ipam")), "driver");
    }

    /** Returns the IPAM pools (subnets), in order. */
    public List<IpamConfig> ipamConfigs() {
        return Attributes.list(Attributes.map(attributes.get("ipam")).get("config")).stream()
                .map(Attributes::map)
                .map(c -> new IpamConfig(Attributes.string(c.get("subnet")), Attributes.string(c.get("ip_range")),
                        Attributes.string(c.get("gateway")), Attributes.stringMap(c.get("aux_addresses"))))
                .toList();
    }

    /** Returns every attribute as in the canonical model (unmodifiable). */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "ComposeNetwork{" + key + " -> " + name() + (external() ? ", external" : "") + "}";
    }
}
