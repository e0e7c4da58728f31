package io.p4n4.compose.engine;

import io.p4n4.api.spi.ContainerEngineProvider;
import java.net.URI;
import java.util.Objects;

/**
 * One engine discovery will try: a provider at an endpoint, and why it is on the list.
 *
 * @param provider the provider that would create the engine
 * @param endpoint where it would connect
 * @param source why it is tried: {@code explicit}, {@code P4N4_ENGINE}, {@code DOCKER_HOST},
 *               {@code CONTAINER_HOST} or {@code default}
 */
public record EngineCandidate(ContainerEngineProvider provider, URI endpoint, String source) {

    public EngineCandidate {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(source, "source");
    }

    /** {@code docker at unix:///var/run/docker.sock (default)}. */
    public String describe() {
        return provider.id() + " at " + endpoint + " (" + source + ")";
    }
}
