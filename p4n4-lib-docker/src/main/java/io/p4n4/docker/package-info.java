/**
 * The Docker backend of p4n4-lib: {@link io.p4n4.docker.DockerEngineProvider}, a
 * {@link io.p4n4.api.spi.ContainerEngineProvider} on docker-java with its dependency-free (zerodep) transport.
 * Found by {@link java.util.ServiceLoader}; register it explicitly only to bypass discovery.
 */
package io.p4n4.docker;
