/**
 * Whole-process measurements of the device-agent control plane: a fleet of agents in one JVM against
 * one nats-server, and the reconcile latency from a KV put to a running container.
 */
package io.p4n4.benchmarks.fleet;
