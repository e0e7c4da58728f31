/**
 * Log capture for tests: {@link io.p4n4.testkit.logging.CapturingServiceProvider}, an SLF4J binding a module's
 * tests register, keeps every line (TRACE and up) between {@link io.p4n4.testkit.logging.CapturedLogs#start()}
 * and {@link io.p4n4.testkit.logging.CapturedLogs#stop()}, so a test can prove a secret never reaches a log.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.logging;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
