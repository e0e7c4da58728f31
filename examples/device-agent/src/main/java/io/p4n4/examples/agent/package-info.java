/**
 * A runnable device agent built only on the public p4n4-lib API: reads its TOML configuration,
 * connects to NATS JetStream KV, and reconciles containers on the device's engine.
 */
package io.p4n4.examples.agent;
