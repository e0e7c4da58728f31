/**
 * The MQTT client on the HiveMQ MQTT client library: one adapter per protocol version
 * ({@link io.p4n4.clients.internal.mqtt.Mqtt3Wire}, {@link io.p4n4.clients.internal.mqtt.Mqtt5Wire}) under a
 * common client that validates topics, keeps the subscriptions, reconnects and maps failures onto p4n4's
 * error codes. Internal: not API.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.clients.internal.mqtt;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
