/**
 * The desired-state store on NATS JetStream KV ({@link io.p4n4.agent.nats.NatsDesiredStateStore}):
 * bucket {@code desired-state} with keys {@code <device>.<deployment>}, agent status in bucket
 * {@code agent-status} under {@code status.<device>}, compare-and-set writes and watches that resume
 * after reconnects.
 */
package io.p4n4.agent.nats;
