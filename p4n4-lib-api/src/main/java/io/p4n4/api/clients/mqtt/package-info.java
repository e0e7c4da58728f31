/**
 * The MQTT client contract: publish and subscribe on the IoT stack's Mosquitto with MQTT 3.1.1 or 5
 * ({@link io.p4n4.api.clients.mqtt.MqttClient}), the quality-of-service levels, received messages, and the
 * platform's topic conventions ({@link io.p4n4.api.clients.mqtt.MqttTopics}: {@code sensors/<id>/<measurement>},
 * {@code commands/<id>/<action>}, {@code alerts/<id>/<type>}, {@code status/<id>/online},
 * {@code inference/<id>/result}). Implementations come from {@code p4n4-lib-clients}
 * ({@code io.p4n4.clients.ClientFactory#mqtt()}).
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.api.clients.mqtt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
