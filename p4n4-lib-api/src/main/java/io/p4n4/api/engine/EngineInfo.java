package io.p4n4.api.engine;

import java.net.URI;
import java.util.Objects;

/**
 * A summary of an engine and where it was reached. Immutable and thread-safe; backends build it with
 * {@link #builder(String, URI, EngineVersion)}.
 */
public final class EngineInfo {
    private final String engineId;
    private final URI endpoint;
    private final EngineVersion version;
    private final int containers;
    private final int images;
    private final String storageDriver;
    private final boolean rootless;

    private EngineInfo(Builder b) {
        this.engineId = b.engineId;
        this.endpoint = b.endpoint;
        this.version = b.version;
        this.containers = b.containers;
        this.images = b.images;
        this.storageDriver = b.storageDriver == null ? "" : b.storageDriver;
        this.rootless = b.rootless;
    }

    /** Starts a summary of engine {@code engineId} reached at {@code endpoint}, reporting {@code version}. */
    public static Builder builder(String engineId, URI endpoint, EngineVersion version) {
        return new Builder(engineId, endpoint, version);
    }

    /** The provider id ({@code docker}, {@code podman}). */
    public String engineId() {
        return engineId;
    }

    /** The socket or URL the engine was reached at. */
    public URI endpoint() {
        return endpoint;
    }

    /** Version details. */
    public EngineVersion version() {
        return version;
    }

    /** The number of containers the engine holds. */
    public int containers() {
        return containers;
    }

    /** The number of images the engine holds. */
    public int images() {
        return images;
    }

    /** The storage driver ({@code overlay2}, {@code overlay}), {@code ""} if unknown. */
    public String storageDriver() {
        return storageDriver;
    }

    /** Whether the engine runs without root. */
    public boolean rootless() {
        return rootless;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EngineInfo other)) {
            return false;
        }
        return engineId.equals(other.engineId) && endpoint.equals(other.endpoint) && version.equals(other.version)
                && containers == other.containers && images == other.images
                && storageDriver.equals(other.storageDriver) && rootless == other.rootless;
    }

    @Override
    public int hashCode() {
        return Objects.hash(engineId, endpoint, version, containers, images, storageDriver, rootless);
    }

    @Override
    public String toString() {
        return "EngineInfo[engineId=" + engineId + ", endpoint=" + endpoint + ", version=" + version
                + ", containers=" + containers + ", images=" + images + ", storageDriver=" + storageDriver
                + ", rootless=" + rootless + "]";
    }

    /** Collects the fields of an {@link EngineInfo}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String engineId;
        private final URI endpoint;
        private final EngineVersion version;
        private int containers;
        private int images;
        private String storageDriver;
        private boolean rootless;

        private Builder(String engineId, URI endpoint, EngineVersion version) {
            this.engineId = Objects.requireNonNull(engineId, "engineId");
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            this.version = Objects.requireNonNull(version, "version");
        }

        /** Sets the number of containers the engine holds. */
        public Builder containers(int value) {
            this.containers = value;
            return this;
        }

        /** Sets the number of images the engine holds. */
        public Builder images(int value) {
            this.images = value;
            return this;
        }

        /** Sets the storage driver. */
        public Builder storageDriver(String value) {
            this.storageDriver = value;
            return this;
        }

        /** Sets whether the engine runs without root. */
        public Builder rootless(boolean value) {
            this.rootless = value;
            return this;
        }

        /** Builds the immutable summary. */
        public EngineInfo build() {
            return new EngineInfo(this);
        }
    }
}
