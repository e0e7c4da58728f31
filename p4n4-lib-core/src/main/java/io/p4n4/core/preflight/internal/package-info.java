/** The separate checks {@link io.p4n4.core.preflight.EngineChecks} runs: networks and conflicts. */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.core.preflight.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
