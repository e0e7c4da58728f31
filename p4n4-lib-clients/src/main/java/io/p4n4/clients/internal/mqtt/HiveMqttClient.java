package io.p4n4.clients.internal.mqtt;

import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttMessage;
import io.p4n4.api.clients.mqtt.MqttQos;
import io.p4n4.api.clients.mqtt.MqttSubscription;
import io.p4n4.api.clients.mqtt.MqttTopics;
import io.p4n4.api.clients.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MqttClient} of p4n4-lib-clients: validates topics, waits for acknowledgements with a timeout, maps
 * failures, reconnects with an exponential pause after a connection it had is lost (the HiveMQ client then
 * subscribes again to everything not unsubscribed), and, for a device, publishes {@code status/<id>/online}
 * {@code true} (retained) on every connect and {@code false} on close. Thread-safe.
 */
public final class HiveMqttClient implements MqttClient {
    private static final Logger LOG = LoggerFactory.getLogger(HiveMqttClient.class);
    private static final long FIRST_RECONNECT_DELAY_MS = 100;

    private final MqttSettings settings;
    private final Wire wire;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean connectedOnce;

    private HiveMqttClient(MqttSettings settings) {
        this.settings = settings;
        this.wire = settings.version() == MqttVersion.V5
                ? new Mqtt5Wire(settings, this::onConnected, this::onDisconnected)
                : new Mqtt3Wire(settings, this::onConnected, this::onDisconnected);
    }

    /** Connects a client; NETWORK or USER error (see {@link MqttFailures}) when the broker cannot be used. */
    public static HiveMqttClient connect(MqttSettings settings) {
        HiveMqttClient client = new HiveMqttClient(settings);
        try {
            await(client.wire.connect(), settings.connectTimeout().toMillis() + 1000);
        } catch (ExecutionException | TimeoutException e) {
            client.closed.set(true);
            client.wire.disconnect();
            throw MqttFailures.connect(settings, e);
        }
        client.connectedOnce = true;
        LOG.debug("connected to {} as {} ({})", settings.url(), settings.clientId(), settings.version());
        return client;
    }

    private void onConnected(MqttClientConnectedContext context) {
        if (connectedOnce) {
            LOG.info("reconnected to MQTT broker {} as {}", settings.url(), settings.clientId());
        }
        if (settings.deviceId() != null) {
            wire.publish(MqttTopics.status(settings.deviceId()), bytes("true"), MqttQos.AT_LEAST_ONCE, true)
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            LOG.warn("could not publish {} = true: {}", MqttTopics.status(settings.deviceId()),
                                    e.toString());
                        }
                    });
        }
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        if (closed.get() || !connectedOnce || !settings.reconnect() || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        int attempts = context.getReconnector().getAttempts();
        long delay = Math.min(settings.reconnectMaxDelay().toMillis(),
                FIRST_RECONNECT_DELAY_MS << Math.min(attempts, 16));
        if (attempts == 0) {
            LOG.warn("lost the connection to MQTT broker {} ({}); reconnecting", settings.url(),
                    context.getCause().toString());
        } else {
            LOG.debug("reconnect {} to {} failed ({}); next in {} ms", attempts, settings.url(),
                    context.getCause().toString(), delay);
        }
        context.getReconnector().reconnect(true).resubscribeIfSessionExpired(true).delay(delay, TimeUnit.MILLISECONDS);
        wire.reconnectWithFreshConnect(context);
    }

    @Override
    public void publish(String topic, byte[] payload, MqttQos qos, boolean retain) {
        MqttTopics.requireTopic(topic);
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(qos, "qos");
        ensureOpen();
        try {
            await(wire.publish(topic, payload, qos, retain), settings.operationTimeout().toMillis());
        } catch (ExecutionException | TimeoutException e) {
            throw MqttFailures.operation(settings, "PUBLISH", topic, e);
        }
    }

    @Override
    public MqttSubscription subscribe(String filter, MqttQos qos, Consumer<MqttMessage> handler) {
        MqttTopics.requireFilter(filter);
        Objects.requireNonNull(qos, "qos");
        Objects.requireNonNull(handler, "handler");
        ensureOpen();
        boolean granted;
        try {
            granted = await(wire.subscribe(filter, qos, m -> deliver(filter, handler, m)),
                    settings.operationTimeout().toMillis());
        } catch (ExecutionException | TimeoutException e) {
            throw MqttFailures.operation(settings, "SUBSCRIBE", filter, e);
        }
        if (!granted) {
            throw MqttFailures.subscriptionRefused(settings, filter);
        }
        return new Subscription(filter, qos);
    }

    private static void deliver(String filter, Consumer<MqttMessage> handler, MqttMessage message) {
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            LOG.warn("the handler of subscription '{}' failed on a message of '{}': {}", filter, message.topic(),
                    e.toString());
        }
    }

    @Override
    public boolean isConnected() {
        return !closed.get() && wire.isConnected();
    }

    @Override
    public String clientId() {
        return settings.clientId();
    }

    @Override
    public MqttVersion version() {
        return settings.version();
    }

    @Override
    public Optional<String> deviceId() {
        return Optional.ofNullable(settings.deviceId());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (settings.deviceId() != null && wire.isConnected()) {
            try {
                await(wire.publish(MqttTopics.status(settings.deviceId()), bytes("false"), MqttQos.AT_LEAST_ONCE, true),
                        settings.operationTimeout().toMillis());
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("could not publish offline status on close: {}", e.toString());
            }
        }
        try {
            await(wire.disconnect(), settings.operationTimeout().toMillis());
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("disconnect from {} did not complete: {}", settings.url(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "MqttClient[" + settings + "]";
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new P4n4Exception(ErrorCode.GENERAL, "this MQTT client was closed; build a new one");
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T await(CompletableFuture<T> future, long millis) throws ExecutionException, TimeoutException {
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new P4n4Exception(ErrorCode.GENERAL, "interrupted while waiting for the MQTT broker", e);
        }
    }

    /** A subscription of this client; closing unsubscribes. */
    private final class Subscription implements MqttSubscription {
        private final String filter;
        private final MqttQos qos;
        private final AtomicBoolean done = new AtomicBoolean();

        Subscription(String filter, MqttQos qos) {
            this.filter = filter;
            this.qos = qos;
        }

        @Override
        public String filter() {
            return filter;
        }

        @Override
        public MqttQos qos() {
            return qos;
        }

        @Override
        public void close() {
            if (!done.compareAndSet(false, true) || closed.get()) {
                return;
            }
            try {
                await(wire.unsubscribe(filter), settings.operationTimeout().toMillis());
            } catch (ExecutionException | TimeoutException e) {
                throw MqttFailures.operation(settings, "UNSUBSCRIBE", filter, e);
            }
        }

        @Override
        public String toString() {
            return "MqttSubscription[" + filter + ", qos=" + qos.code() + "]";
        }
    }
}
