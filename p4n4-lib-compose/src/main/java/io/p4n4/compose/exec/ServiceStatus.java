package io.p4n4.compose.exec;

import io.p4n4.api.engine.ContainerState;
import io.p4n4.api.engine.HealthStatus;
import io.p4n4.api.engine.PortBinding;
import java.util.List;
import java.util.Objects;

/**
 * One container of a project as {@code ps} shows it. Immutable and thread-safe; built with
 * {@link #builder(String, ContainerState)}.
 */
public final class ServiceStatus {
    private final String service;
    private final String container;
    private final String image;
    private final ContainerState state;
    private final HealthStatus health;
    private final int exitCode;
    private final List<PortBinding> ports;

    private ServiceStatus(Builder b) {
        this.service = b.service;
        this.container = b.container;
        this.image = b.image;
        this.state = b.state;
        this.health = Objects.requireNonNull(b.health, "health");
        this.exitCode = b.exitCode;
        this.ports = List.copyOf(b.ports);
    }

    /** Starts the status of a container of {@code service} in {@code state}: no health, exit code 0, no ports. */
    public static Builder builder(String service, ContainerState state) {
        return new Builder(service, state);
    }

    /** The compose service. */
    public String service() {
        return service;
    }

    /** The container name. */
    public String container() {
        return container;
    }

    /** The image it runs. */
    public String image() {
        return image;
    }

    /** Its state. */
    public ContainerState state() {
        return state;
    }

    /** Its health ({@link HealthStatus#NONE} without a healthcheck). */
    public HealthStatus health() {
        return health;
    }

    /** Its exit code once exited. */
    public int exitCode() {
        return exitCode;
    }

    /** Its published ports. */
    public List<PortBinding> ports() {
        return ports;
    }

    /** Running, and healthy when it has a healthcheck. */
    public boolean isReady() {
        return state == ContainerState.RUNNING && (health == HealthStatus.NONE || health == HealthStatus.HEALTHY);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ServiceStatus other)) {
            return false;
        }
        return service.equals(other.service) && Objects.equals(container, other.container)
                && Objects.equals(image, other.image) && state == other.state && health == other.health
                && exitCode == other.exitCode && ports.equals(other.ports);
    }

    @Override
    public int hashCode() {
        return Objects.hash(service, container, image, state, health, exitCode, ports);
    }

    @Override
    public String toString() {
        return "ServiceStatus[service=" + service + ", container=" + container + ", image=" + image + ", state="
                + state + ", health=" + health + ", exitCode=" + exitCode + ", ports=" + ports + "]";
    }

    /** Collects the fields of a {@link ServiceStatus}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String service;
        private String container;
        private String image;
        private final ContainerState state;
        private HealthStatus health = HealthStatus.NONE;
        private int exitCode;
        private List<PortBinding> ports = List.of();

        private Builder(String service, ContainerState state) {
            this.service = Objects.requireNonNull(service, "service");
            this.state = Objects.requireNonNull(state, "state");
        }

        /** Sets the container name. */
        public Builder container(String value) {
            this.container = value;
            return this;
        }

        /** Sets the image it runs. */
        public Builder image(String value) {
            this.image = value;
            return this;
        }

        /** Sets its health. */
        public Builder health(HealthStatus value) {
            this.health = Objects.requireNonNull(value, "health");
            return this;
        }

        /** Sets its exit code. */
        public Builder exitCode(int value) {
            this.exitCode = value;
            return this;
        }

        /** Sets its published ports. */
        public Builder ports(List<PortBinding> value) {
            this.ports = Objects.requireNonNull(value, "ports");
            return this;
        }

        /** Builds the immutable status. */
        public ServiceStatus build() {
            return new ServiceStatus(this);
        }
    }
}
