/**
 * What this p4n4-lib supports: the range of each bundled stack's {@code VERSION} and the oldest Docker and
 * Podman it runs on (the design document's compatibility table, {@code STACK_COMPAT}), and the version
 * ranges they are written in.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.core.compat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
