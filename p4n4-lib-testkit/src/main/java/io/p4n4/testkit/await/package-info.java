/**
 * Waiting in tests: {@link io.p4n4.testkit.await.Waits} hands out Awaitility condition factories that poll
 * in the test's own thread from the first instant, so a test waits for a condition instead of sleeping.
 */
package io.p4n4.testkit.await;
