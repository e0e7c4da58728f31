/**
 * A real NATS server for tests: {@link io.p4n4.testkit.nats.NatsServerProcess} runs nats-server with
 * JetStream as a child process on a free loopback port, and can stop and restart it to test reconnects.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.nats;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
