package io.p4n4.api.engine;

import java.util.Map;
import java.util.Objects;

/**
 * What an engine reports about a volume.
 *
 * @param name the volume name
 * @param driver the driver
 * @param mountpoint where the data lives on the engine's host
 * @param labels the volume's labels
 */
public record VolumeInfo(String name, String driver, String mountpoint, Map<String, String> labels) {

    public VolumeInfo {
        Objects.requireNonNull(name, "name");
        driver = driver == null ? "" : driver;
        mountpoint = mountpoint == null ? "" : mountpoint;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
    }
}
