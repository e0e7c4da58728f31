/**
 * The Podman backend of p4n4-lib: {@link io.p4n4.podman.PodmanEngineProvider}, a
 * {@link io.p4n4.api.spi.ContainerEngineProvider} on Podman's libpod REST API over its unix socket.
 * Found by {@link java.util.ServiceLoader}; register it explicitly only to bypass discovery.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.podman;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
