/**
 * Checks against the engine before anything is created: the engine's version against the compatibility
 * table, the networks the stacks need ({@code p4n4-net}: present when a stack joins it, with the subnet it is
 * declared with), and clashes with what other projects already have on the engine (a compose project of the
 * same name in another directory, a {@code container_name}, a published host port). Used by
 * {@code ProjectValidator} and by the platform's {@code up}.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.core.preflight;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
