package io.p4n4.examples.agent;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.core.engine.EngineDiscovery;
import java.util.HashMap;
import java.util.Map;

/**
 * Picks the device's container engine with the library's {@link EngineDiscovery}: the configured
 * runtime ({@code [agent] runtime}) becomes {@code P4N4_ENGINE} unless it is {@code auto}; then
 * {@code DOCKER_HOST} / {@code CONTAINER_HOST}, then every backend on the class path, each probed.
 */
final class EngineSelector {

    private EngineSelector() {
    }

    /**
     * Returns a connected engine.
     *
     * @throws io.p4n4.core.engine.EngineDiscoveryException listing every candidate and why it failed
     */
    static ContainerEngine select(String runtime, Map<String, String> env) {
        Map<String, String> environment = new HashMap<>(env);
        if (!runtime.equals("auto")) {
            environment.put(EngineDiscovery.P4N4_ENGINE, runtime);
        }
        return EngineDiscovery.builder().environment(environment).build().connect();
    }
}
