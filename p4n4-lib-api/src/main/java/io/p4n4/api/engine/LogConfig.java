package io.p4n4.api.engine;

import java.util.Map;
import java.util.Objects;

/**
 * Where the engine sends the container's output: a logging driver and its options, as compose's
 * {@code logging} sets them.
 *
 * @param driver the driver's name ({@code json-file}, {@code journald}, {@code none}, ...)
 * @param options the driver's options ({@code max-size: 10m}, ...)
 */
public record LogConfig(String driver, Map<String, String> options) {

    /** Checks the parts. */
    public LogConfig {
        Objects.requireNonNull(driver, "driver");
        if (driver.isBlank()) {
            throw new IllegalArgumentException("logging driver must not be blank");
        }
        options = Map.copyOf(Objects.requireNonNull(options, "options"));
    }
}
