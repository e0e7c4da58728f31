/**
 * The Podman {@link io.p4n4.api.engine.ContainerEngine} on libpod's REST API and its
 * {@link io.p4n4.api.spi.ContainerEngineProvider}. Internal: use it through the provider
 * ({@code P4N4_ENGINE=podman}), never by class name.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.podman.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
