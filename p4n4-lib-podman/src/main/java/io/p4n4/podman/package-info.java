/**
 * The Podman backend of p4n4-lib: {@link io.p4n4.podman.PodmanEngineProvider}, a
 * {@link io.p4n4.api.spi.ContainerEngineProvider} on Podman's libpod REST API over its unix socket.
 * Found by {@link java.util.ServiceLoader}; register it explicitly only to bypass discovery.
 */
package io.p4n4.podman;
