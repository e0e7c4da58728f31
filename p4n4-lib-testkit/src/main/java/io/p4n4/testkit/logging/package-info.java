/**
 * Reading what a library logged, in its own tests: {@link io.p4n4.testkit.logging.CapturingServiceProvider}
 * is an SLF4J binding that keeps every line (all loggers at TRACE) while a test asks for them through
 * {@link io.p4n4.testkit.logging.CapturedLogs}. A module's tests use it by naming it in their
 * {@code src/test/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider} (and no other binding);
 * a test can then check that no secret reaches the log.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.logging;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
