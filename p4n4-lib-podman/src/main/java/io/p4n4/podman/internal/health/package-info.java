/**
 * Drives container healthchecks for Podman when nothing else does (no systemd timers): on each
 * container's interval, only while its health is awaited. Internal: not part of the p4n4-lib API.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.podman.internal.health;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
