package io.p4n4.compose.engine.internal;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Presents an engine the caller already created as a provider, so discovery treats it like any other. */
public final class FixedEngineProvider implements ContainerEngineProvider {
    private final ContainerEngine engine;

    /** Wraps {@code engine}. */
    public FixedEngineProvider(ContainerEngine engine) {
        this.engine = engine;
    }

    @Override
    public String id() {
        return engine.id();
    }

    @Override
    public String description() {
        return "engine registered explicitly";
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Optional<String> endpointVariable() {
        return Optional.empty();
    }

    @Override
    public List<URI> defaultEndpoints(Map<String, String> environment) {
        return List.of(engine.endpoint());
    }

    @Override
    public Availability probe(EngineConfig config) {
        try {
            engine.ping();
            return Availability.available("answers");
        } catch (RuntimeException e) {
            return Availability.unavailable(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public ContainerEngine create(EngineConfig config) {
        return engine;
    }
}
