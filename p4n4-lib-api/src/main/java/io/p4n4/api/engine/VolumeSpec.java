package io.p4n4.api.engine;

import java.util.Map;
import java.util.Objects;

/**
 * A named volume to create.
 *
 * @param name the volume name
 * @param driver the driver, {@code local} by default
 * @param labels the volume's labels
 * @param options driver options
 */
public record VolumeSpec(String name, String driver, Map<String, String> labels, Map<String, String> options) {

    public VolumeSpec {
        Objects.requireNonNull(name, "name");
        driver = driver == null || driver.isEmpty() ? "local" : driver;
        labels = Map.copyOf(labels == null ? Map.of() : labels);
        options = Map.copyOf(options == null ? Map.of() : options);
    }

    /** A local volume with labels. */
    public static VolumeSpec of(String name, Map<String, String> labels) {
        return new VolumeSpec(name, "local", labels, Map.of());
    }
}
