/**
 * The platform level: a p4n4 project's stacks run together on one engine, brought up in order
 * iot, ai, edge with a readiness gate between them ({@link io.p4n4.core.platform.Platform}).
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.core.platform;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
