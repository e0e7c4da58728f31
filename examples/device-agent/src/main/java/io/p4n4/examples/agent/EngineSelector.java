package io.p4n4.examples.agent;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.EngineConfig;
import io.p4n4.api.spi.Availability;
import io.p4n4.api.spi.ContainerEngineProvider;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Picks the device's container engine: the providers on the class path (highest priority first),
 * restricted to the configured runtime unless it is {@code auto}; the endpoint from the provider's
 * variable ({@code CONTAINER_HOST}, {@code DOCKER_HOST}) first, then its defaults; each probed for real.
 */
final class EngineSelector {

    private EngineSelector() {
    }

    static ContainerEngine select(String runtime, Map<String, String> env) {
        List<ContainerEngineProvider> providers = new ArrayList<>();
        var iterator = ServiceLoader.load(ContainerEngineProvider.class).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                providers.add(iterator.next());
            } catch (java.util.ServiceConfigurationError e) {
                // one broken provider must not hide the others
            }
        }
        providers.sort(Comparator.comparingInt(ContainerEngineProvider::priority).reversed());
        List<String> tried = new ArrayList<>();
        for (ContainerEngineProvider provider : providers) {
            if (!runtime.equals("auto") && !provider.id().equals(runtime)) {
                continue;
            }
            Set<URI> endpoints = new LinkedHashSet<>();
            provider.endpointVariable().map(env::get).filter(v -> !v.isBlank()).map(URI::create)
                    .ifPresent(endpoints::add);
            endpoints.addAll(provider.defaultEndpoints(env));
            for (URI endpoint : endpoints) {
                EngineConfig config = EngineConfig.of(endpoint);
                Availability availability = provider.probe(config);
                if (availability.available()) {
                    return provider.create(config);
                }
                tried.add(provider.id() + " at " + endpoint + ": " + availability.detail());
            }
        }
        throw new P4n4Exception(ErrorCode.ENGINE, "no container engine for runtime '" + runtime + "'"
                + (providers.isEmpty() ? ": no engine provider on the class path (add p4n4-lib-podman or"
                        + " p4n4-lib-docker)" : "; tried: " + String.join("; ", tried))
                + ". Start Podman or Docker, set CONTAINER_HOST/DOCKER_HOST, or run with --dry-run");
    }
}
