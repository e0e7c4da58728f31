/**
 * {@code p4n4 mqtt pub|sub}: publish to and subscribe on the IoT stack's Mosquitto, through
 * {@link io.p4n4.api.clients.mqtt.MqttClient}.
 */
package io.p4n4.cli.mqtt;
