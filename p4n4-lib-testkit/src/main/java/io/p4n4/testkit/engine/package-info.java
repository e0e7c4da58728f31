/**
 * Real container engines in tests, and the engine compatibility kit.
 *
 * <p>{@link io.p4n4.testkit.engine.RealEngine} gives a JUnit 5 test a connected
 * {@link io.p4n4.api.engine.ContainerEngine} for the engines {@code scripts/engines.sh start} runs (endpoints
 * found by {@link io.p4n4.testkit.engine.TestEndpoints}), and {@link io.p4n4.testkit.engine.TestEngines} does
 * the same where an annotation does not fit; {@link io.p4n4.testkit.engine.PodmanServiceProcess} is a Podman
 * API service of the test's own that it may kill. Tests are skipped with a message when no engine answers.
 *
 * <p>The compatibility kit: abstract JUnit 5 tests every {@link io.p4n4.api.engine.ContainerEngine} backend
 * must pass unchanged. A backend extends {@link io.p4n4.testkit.engine.ContainerEngineContract}, names its
 * engine and the variable holding the test endpoint, and creates its engine. Tagged {@code engine}; skipped
 * with a message when the endpoint is not set or does not answer (start engines with
 * {@code scripts/engines.sh start}).
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.engine;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
