/**
 * The Docker backend of p4n4-lib: {@link io.p4n4.docker.DockerEngineProvider}, a
 * {@link io.p4n4.api.spi.ContainerEngineProvider} on docker-java with its dependency-free (zerodep) transport.
 * Found by {@link java.util.ServiceLoader}; register it explicitly only to bypass discovery.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.docker;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
