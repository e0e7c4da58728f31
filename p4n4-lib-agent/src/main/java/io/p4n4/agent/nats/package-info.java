/**
 * The desired-state store on NATS JetStream KV ({@link io.p4n4.agent.nats.NatsDesiredStateStore}):
 * bucket {@code desired-state} with keys {@code <device>.<deployment>}, agent status in bucket
 * {@code agent-status} under {@code status.<device>}, compare-and-set writes and watches that resume
 * after reconnects.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.agent.nats;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
