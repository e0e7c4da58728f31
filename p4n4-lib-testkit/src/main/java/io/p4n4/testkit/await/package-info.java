/**
 * Waiting in tests: {@link io.p4n4.testkit.await.Waits} hands out Awaitility condition factories that poll
 * in the test's own thread from the first instant, so a test waits for a condition instead of sleeping.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.await;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
