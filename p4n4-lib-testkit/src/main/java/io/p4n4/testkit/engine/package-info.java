/**
 * The engine compatibility kit: abstract JUnit 5 tests every {@link io.p4n4.api.engine.ContainerEngine}
 * backend must pass unchanged. A backend extends {@link io.p4n4.testkit.engine.ContainerEngineContract},
 * names its engine and the variable holding the test endpoint, and creates its engine. Tagged {@code engine};
 * skipped with a message when the endpoint is not set or does not answer (start engines with
 * {@code scripts/engines.sh start}).
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
