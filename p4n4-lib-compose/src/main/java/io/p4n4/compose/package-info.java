/**
 * The compose-spec loader: {@link io.p4n4.compose.ComposeLoader} reads compose files into an
 * immutable, normalized {@link io.p4n4.compose.ComposeProject} (the equivalent of
 * {@code docker compose config}), and {@link io.p4n4.compose.ComposeSerializer} writes it back
 * as canonical YAML or JSON. Every type here is immutable and thread-safe.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.compose;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
