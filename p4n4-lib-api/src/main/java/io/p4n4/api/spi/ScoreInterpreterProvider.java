package io.p4n4.api.spi;

import io.p4n4.api.engine.ContainerEngine;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Contributes {@link ScoreInterpreter}s to device agents, found with {@link java.util.ServiceLoader}: list
 * the class in {@code META-INF/services/io.p4n4.api.spi.ScoreInterpreterProvider}. p4n4-lib-podman provides
 * the PodmanV0 interpreter this way; an agent built without explicit interpreters uses every provider on
 * its class path. Implementations need a public no-argument constructor and must be thread-safe.
 */
public interface ScoreInterpreterProvider {

    /** A stable id, e.g. {@code podman-v0}. */
    String id();

    /**
     * Creates this provider's interpreters for one device, or none when the device cannot run them (for
     * example no container engine in {@code context}).
     */
    List<ScoreInterpreter<?>> create(Context context);

    /**
     * What a provider may use to build interpreters for a device.
     *
     * @param deviceId the device the agent runs for
     * @param engine the device's container engine, or null when the agent runs without one
     * @param stopTimeout how long a container gets to stop before it is killed
     */
    record Context(String deviceId, @Nullable ContainerEngine engine, Duration stopTimeout) {
        public Context {
            Objects.requireNonNull(deviceId, "deviceId");
            Objects.requireNonNull(stopTimeout, "stopTimeout");
        }

        /** The engine, if the agent has one. */
        public Optional<ContainerEngine> findEngine() {
            return Optional.ofNullable(engine);
        }
    }
}
