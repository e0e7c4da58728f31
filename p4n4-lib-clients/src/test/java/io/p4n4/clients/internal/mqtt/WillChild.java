package io.p4n4.clients.internal.mqtt;

import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttVersion;
import io.p4n4.clients.ClientFactory;

/**
 * The device of {@link MqttLastWillTest}, run in a child JVM: connects for device {@code args[1]} to broker
 * {@code args[0]} with protocol {@code args[2]}, prints {@code connected}, and waits to be killed (at most 60 s).
 */
public final class WillChild {
    private WillChild() {
    }

    /** Runs the device. */
    public static void main(String[] args) throws InterruptedException {
        ClientFactory clients = ClientFactory.create();
        MqttClient client = clients.mqtt().url(args[0]).deviceId(args[1]).version(MqttVersion.valueOf(args[2]))
                .keepAlive(java.time.Duration.ofSeconds(60)).build();
        System.out.println("connected " + client.clientId());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
