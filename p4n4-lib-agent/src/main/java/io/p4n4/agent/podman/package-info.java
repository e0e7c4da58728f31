/**
 * The PodmanV0 Score interpreter: runs a {@code PodmanV0} Score's services as labelled containers on any
 * {@link io.p4n4.api.engine.ContainerEngine}, found by device agents through
 * {@link io.p4n4.api.spi.ScoreInterpreterProvider}.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.agent.podman;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
