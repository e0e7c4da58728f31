/**
 * MQTT for tests: {@link io.p4n4.testkit.mqtt.MosquittoProcess} runs a real Mosquitto as a child process on a
 * free loopback port, with the caller's extra configuration (password file, TLS listener), that a test can
 * stop, kill and start again.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.testkit.mqtt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
