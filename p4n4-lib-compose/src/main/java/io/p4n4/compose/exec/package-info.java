/**
 * The compose executor: runs a loaded {@link io.p4n4.compose.ComposeProject} on any
 * {@link io.p4n4.api.engine.ContainerEngine} (Docker or Podman) with no compose binary.
 *
 * <p>{@link io.p4n4.compose.exec.ComposeExecutor} creates networks, volumes and containers in
 * dependency order, labels every object the way Docker Compose does (so {@code docker compose ps} and
 * {@code docker-compose ps} see the same project), waits on {@code depends_on} conditions and
 * healthchecks by reacting to engine events, recreates only services whose configuration changed, and
 * tears the project down again.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.compose.exec;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
