/**
 * The Podman {@link io.p4n4.api.engine.ContainerEngine} on libpod's REST API and its
 * {@link io.p4n4.api.spi.ContainerEngineProvider}. Internal: use it through the provider
 * ({@code P4N4_ENGINE=podman}), never by class name.
 */
package io.p4n4.podman.internal;
