/**
 * The container engine contract: {@link io.p4n4.api.engine.ContainerEngine} and the value types its
 * operations take and return. Docker and Podman backends implement it (found through
 * {@link io.p4n4.api.spi.ContainerEngineProvider}); a compose executor is written against it alone.
 *
 * <p>All value types here are immutable and thread-safe. Every failure is reported as an
 * {@link io.p4n4.api.EngineException} (code ENGINE unless stated) naming the engine and the resource.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.engine;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
