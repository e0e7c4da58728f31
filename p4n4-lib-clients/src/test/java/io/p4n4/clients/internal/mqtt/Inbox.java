package io.p4n4.clients.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.clients.mqtt.MqttMessage;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Collects the messages of a subscription for a test to take one by one, each within a deadline. */
final class Inbox implements Consumer<MqttMessage> {
    private final BlockingQueue<MqttMessage> messages = new LinkedBlockingQueue<>();

    @Override
    public void accept(MqttMessage m) {
        messages.add(m);
    }

    /** The next message; fails the test when none comes within 10 s. */
    MqttMessage next() throws InterruptedException {
        MqttMessage m = messages.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message within 10 s").isNotNull();
        return m;
    }

    /** The next message within {@code wait}, or null. */
    MqttMessage poll(Duration wait) throws InterruptedException {
        return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Asserts that no message comes within {@code wait}. */
    void expectNothing(Duration wait) throws InterruptedException {
        assertThat(messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }
}
