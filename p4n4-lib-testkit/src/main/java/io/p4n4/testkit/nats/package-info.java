/**
 * NATS for tests: {@link io.p4n4.testkit.nats.NatsServerProcess} runs a real nats-server with JetStream as a
 * child process that can be stopped and started again; {@link io.p4n4.testkit.nats.NatsServer} hands one to
 * a JUnit 5 test and stops it afterwards, skipping the test when no nats-server is installed.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.nats;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
