/**
 * Whole-process measurements of the example server ({@code examples/p4n4-server}): the status endpoint's latency
 * against a fresh engine query, and many event-stream clients held at once.
 */
package io.p4n4.benchmarks.server;
