package io.p4n4.api.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A network to create. Immutable and thread-safe; build with {@link #builder(String)}.
 */
public final class NetworkSpec {
    private final String name;
    private final String driver;
    private final @Nullable String subnet;
    private final @Nullable String gateway;
    private final boolean internal;
    private final Map<String, String> labels;

    private NetworkSpec(Builder b) {
        this.name = b.name;
        this.driver = b.driver;
        this.subnet = b.subnet;
        this.gateway = b.gateway;
        this.internal = b.internal;
        this.labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.labels));
    }

    /** Starts a spec for a network named {@code name} (driver {@code bridge} unless changed). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The network name. */
    public String name() {
        return name;
    }

    /** The driver, {@code bridge} by default. */
    public String driver() {
        return driver;
    }

    /** The IPv4 subnet in CIDR form ({@code 172.20.0.0/16}), if fixed. */
    public Optional<String> findSubnet() {
        return Optional.ofNullable(subnet);
    }

    /** The gateway address, if fixed. */
    public Optional<String> findGateway() {
        return Optional.ofNullable(gateway);
    }

    /** Whether the network is cut off from the outside. */
    public boolean internal() {
        return internal;
    }

    /** Labels of the network. */
    public Map<String, String> labels() {
        return labels;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof NetworkSpec && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "NetworkSpec[name=" + name + ", driver=" + driver + ", subnet=" + subnet + ", gateway=" + gateway
                + ", internal=" + internal + ", labels=" + labels + "]";
    }

    /** Collects the fields of a {@link NetworkSpec}. Not thread-safe. */
    public static final class Builder {
        private final String name;
        private String driver = "bridge";
        private @Nullable String subnet;
        private @Nullable String gateway;
        private boolean internal;
        private final Map<String, String> labels = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** Sets the driver. */
        public Builder driver(String driver) {
            this.driver = Objects.requireNonNull(driver, "driver");
            return this;
        }

        /** Fixes the IPv4 subnet, CIDR form; {@code null} leaves it to the engine. */
        public Builder subnet(@Nullable String subnet) {
            this.subnet = subnet;
            return this;
        }

        /** Fixes the gateway address; {@code null} leaves it to the engine. */
        public Builder gateway(@Nullable String gateway) {
            this.gateway = gateway;
            return this;
        }

        /** Cuts the network off from the outside. */
        public Builder internal(boolean internal) {
            this.internal = internal;
            return this;
        }

        /** Sets one label. */
        public Builder label(String key, String value) {
            labels.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Sets labels. */
        public Builder labels(Map<String, String> labels) {
            labels.forEach(this::label);
            return this;
        }

        /** Builds the immutable spec. */
        public NetworkSpec build() {
            return new NetworkSpec(this);
        }
    }
}
