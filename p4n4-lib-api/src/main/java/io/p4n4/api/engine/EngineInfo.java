package io.p4n4.api.engine;

import java.net.URI;
import java.util.Objects;

/**
 * A summary of an engine and where it was reached.
 *
 * @param engineId the provider id ({@code docker}, {@code podman})
 * @param endpoint the socket or URL the engine was reached at
 * @param version version details
 * @param containers number of containers the engine holds
 * @param images number of images the engine holds
 * @param storageDriver the storage driver ({@code overlay2}, {@code overlay})
 * @param rootless whether the engine runs without root
 */
public record EngineInfo(String engineId, URI endpoint, EngineVersion version, int containers, int images,
                         String storageDriver, boolean rootless) {

    public EngineInfo {
        Objects.requireNonNull(engineId, "engineId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(version, "version");
        storageDriver = storageDriver == null ? "" : storageDriver;
    }
}
