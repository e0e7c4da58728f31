/**
 * Finding a container engine: {@link io.p4n4.compose.engine.EngineDiscovery} tries explicitly registered
 * engines and providers, then {@code P4N4_ENGINE}, {@code DOCKER_HOST}, {@code CONTAINER_HOST}, then every
 * {@link io.p4n4.api.spi.ContainerEngineProvider} on the class path by priority, probing each for real.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.compose.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
