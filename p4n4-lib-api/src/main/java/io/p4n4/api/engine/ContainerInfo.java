package io.p4n4.api.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an engine reports when a container is inspected. Immutable and thread-safe; backends build it with
 * {@link #builder(String, ContainerState)}. Unset text is {@code ""}, unset instants {@link Instant#EPOCH}, unset health
 * {@link ContainerHealth#NONE}.
 */
public final class ContainerInfo {
    private final String id;
    private final String name;
    private final String image;
    private final String imageId;
    private final ContainerState state;
    private final int exitCode;
    private final ContainerHealth health;
    private final Map<String, String> labels;
    private final List<PortBinding> ports;
    private final Map<String, String> networkAddresses;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final String error;

    private ContainerInfo(Builder b) {
        this.id = b.id;
        this.name = orEmpty(b.name);
        this.image = orEmpty(b.image);
        this.imageId = orEmpty(b.imageId);
        this.state = b.state;
        this.exitCode = b.exitCode;
        this.health = b.health == null ? ContainerHealth.NONE : b.health;
        this.labels = Map.copyOf(b.labels == null ? Map.of() : b.labels);
        this.ports = List.copyOf(b.ports == null ? List.of() : b.ports);
        this.networkAddresses = Map.copyOf(b.networkAddresses == null ? Map.of() : b.networkAddresses);
        this.startedAt = b.startedAt == null ? Instant.EPOCH : b.startedAt;
        this.finishedAt = b.finishedAt == null ? Instant.EPOCH : b.finishedAt;
        this.error = orEmpty(b.error);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Starts the info of container {@code id} (the full id) in {@code state}. */
    public static Builder builder(String id, ContainerState state) {
        return new Builder(id, state);
    }

    /** The full container id. */
    public String id() {
        return id;
    }

    /** The name, without Docker's leading slash. */
    public String name() {
        return name;
    }

    /** The image reference the container was created from. */
    public String image() {
        return image;
    }

    /** The id of that image. */
    public String imageId() {
        return imageId;
    }

    /** The lifecycle state. */
    public ContainerState state() {
        return state;
    }

    /** The exit code of the last run (0 while it never exited). */
    public int exitCode() {
        return exitCode;
    }

    /** The health, {@link ContainerHealth#NONE} without a healthcheck. */
    public ContainerHealth health() {
        return health;
    }

    /** The container's labels. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The published ports with the host port actually bound. */
    public List<PortBinding> ports() {
        return ports;
    }

    /** Network name to the container's IPv4 address there ({@code ""} if none yet). */
    public Map<String, String> networkAddresses() {
        return networkAddresses;
    }

    /** When it last started; {@link Instant#EPOCH} if never. */
    public Instant startedAt() {
        return startedAt;
    }

    /** When it last exited; {@link Instant#EPOCH} if never. */
    public Instant finishedAt() {
        return finishedAt;
    }

    /** The engine's error text for the last start, {@code ""} if none. */
    public String error() {
        return error;
    }

    /** Returns the first host port bound to {@code containerPort}/tcp, if it is published. */
    public Optional<Integer> findHostPort(int containerPort) {
        return ports.stream()
                .filter(p -> p.containerPort() == containerPort && p.protocol() == Protocol.TCP && p.hostPort() > 0)
                .map(PortBinding::hostPort)
                .findFirst();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ContainerInfo other)) {
            return false;
        }
        return id.equals(other.id) && name.equals(other.name) && image.equals(other.image)
                && imageId.equals(other.imageId) && state == other.state && exitCode == other.exitCode
                && health.equals(other.health) && labels.equals(other.labels) && ports.equals(other.ports)
                && networkAddresses.equals(other.networkAddresses) && startedAt.equals(other.startedAt)
                && finishedAt.equals(other.finishedAt) && error.equals(other.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, image, imageId, state, exitCode, health, labels, ports, networkAddresses,
                startedAt, finishedAt, error);
    }

    @Override
    public String toString() {
        return "ContainerInfo[id=" + id + ", name=" + name + ", image=" + image + ", imageId=" + imageId
                + ", state=" + state + ", exitCode=" + exitCode + ", health=" + health + ", labels=" + labels
                + ", ports=" + ports + ", networkAddresses=" + networkAddresses + ", startedAt=" + startedAt
                + ", finishedAt=" + finishedAt + ", error=" + error + "]";
    }

    /** Collects the fields of a {@link ContainerInfo}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String id;
        private String name;
        private String image;
        private String imageId;
        private final ContainerState state;
        private int exitCode;
        private ContainerHealth health;
        private Map<String, String> labels;
        private List<PortBinding> ports;
        private Map<String, String> networkAddresses;
        private Instant startedAt;
        private Instant finishedAt;
        private String error;

        private Builder(String id, ContainerState state) {
            this.id = Objects.requireNonNull(id, "id");
            this.state = Objects.requireNonNull(state, "state");
        }

        /** Sets the name, without a leading slash. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Sets the image reference. */
        public Builder image(String value) {
            this.image = value;
            return this;
        }

        /** Sets the image id. */
        public Builder imageId(String value) {
            this.imageId = value;
            return this;
        }

        /** Sets the exit code of the last run. */
        public Builder exitCode(int value) {
            this.exitCode = value;
            return this;
        }

        /** Sets the health. */
        public Builder health(ContainerHealth value) {
            this.health = value;
            return this;
        }

        /** Sets the labels. */
        public Builder labels(Map<String, String> value) {
            this.labels = value;
            return this;
        }

        /** Sets the published ports. */
        public Builder ports(List<PortBinding> value) {
            this.ports = value;
            return this;
        }

        /** Sets the addresses by network name. */
        public Builder networkAddresses(Map<String, String> value) {
            this.networkAddresses = value;
            return this;
        }

        /** Sets when it last started. */
        public Builder startedAt(Instant value) {
            this.startedAt = value;
            return this;
        }

        /** Sets when it last exited. */
        public Builder finishedAt(Instant value) {
            this.finishedAt = value;
            return this;
        }

        /** Sets the engine's error text for the last start. */
        public Builder error(String value) {
            this.error = value;
            return this;
        }

        /** Builds the immutable info. */
        public ContainerInfo build() {
            return new ContainerInfo(this);
        }
    }
}
