package io.p4n4.clients;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.clients.mqtt.MqttClient;
import io.p4n4.api.clients.mqtt.MqttTopics;
import io.p4n4.api.clients.mqtt.MqttVersion;
import io.p4n4.clients.internal.mqtt.HiveMqPresence;
import io.p4n4.clients.internal.mqtt.HiveMqttClient;
import io.p4n4.clients.internal.mqtt.MqttSettings;
import io.p4n4.clients.internal.mqtt.MqttUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds a connected {@link MqttClient}. Defaults come from the project ({@link ProjectEndpointConfig}): broker
 * {@code mqtt://localhost:1883} (or {@code P4N4_MQTT_URL}), credentials {@code MQTT_USER} /
 * {@code MQTT_PASSWORD}. {@code mqtts://} (or {@code ssl://}) connects with TLS, trusting the JDK's CAs or the
 * one of {@link #caFile(Path)}, host names verified. MQTT 3.1.1 unless {@link #version(MqttVersion)} says 5.
 * With {@link #deviceId(String)}, the client's last will sets {@code status/<id>/online} to {@code false}
 * (retained, QoS 1), and the client publishes {@code true} there on every connect. The password is never
 * shown by {@code toString()} or in messages. Not thread-safe; the built client is.
 */
public final class MqttClientBuilder {
    private final ClientFactory owner;
    private String url;
    private MqttVersion version = MqttVersion.V3_1_1;
    private @Nullable String clientId;
    private @Nullable String username;
    private @Nullable String password;
    private @Nullable Path caFile;
    private @Nullable String deviceId;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration operationTimeout = Duration.ofSeconds(10);
    private Duration keepAlive = Duration.ofSeconds(30);
    private boolean reconnect = true;
    private Duration reconnectMaxDelay = Duration.ofSeconds(10);

    MqttClientBuilder(ClientFactory owner) {
        this.owner = owner;
        ProjectEndpointConfig endpoints = owner.endpoints();
        this.url = endpoints.mqttUrl();
        this.username = endpoints.mqttUser().orElse(null);
        this.password = endpoints.mqttPassword().orElse(null);
    }

    /** Sets the broker: {@code mqtt://host[:port]} (default port 1883) or {@code mqtts://host[:port]} (8883). */
    public MqttClientBuilder url(String value) {
        this.url = Objects.requireNonNull(value, "url");
        return this;
    }

    /** Sets the protocol version (default MQTT 3.1.1). */
    public MqttClientBuilder version(MqttVersion value) {
        this.version = Objects.requireNonNull(value, "version");
        return this;
    }

    /** Sets the client identifier (default {@code p4n4-<device id>} for a device, else {@code p4n4-<random>}). */
    public MqttClientBuilder clientId(@Nullable String value) {
        this.clientId = value;
        return this;
    }

    /** Sets the user name and password ({@code null} user: anonymous; {@code null} password: a user only). */
    public MqttClientBuilder credentials(@Nullable String user, @Nullable String password) {
        this.username = user;
        this.password = password;
        return this;
    }

    /** Trusts the CA certificates of this PEM file for {@code mqtts://} (default: the JDK's trust store). */
    public MqttClientBuilder caFile(@Nullable Path value) {
        this.caFile = value;
        return this;
    }

    /** Speaks for a device: last will and online status on {@code status/<id>/online}; USER error for a bad id. */
    public MqttClientBuilder deviceId(@Nullable String value) {
        this.deviceId = value == null ? null : MqttTopics.id("device id", value);
        return this;
    }

    /** Sets how long connecting may take (default 10 s). */
    public MqttClientBuilder connectTimeout(Duration value) {
        this.connectTimeout = positive("connectTimeout", value);
        return this;
    }

    /** Sets how long a publish, subscribe or unsubscribe waits for the broker's acknowledgement (default 10 s). */
    public MqttClientBuilder operationTimeout(Duration value) {
        this.operationTimeout = positive("operationTimeout", value);
        return this;
    }

    /** Sets the keep-alive interval, whole seconds from 1 to 65,535 (default 30 s). */
    public MqttClientBuilder keepAlive(Duration value) {
        long s = Objects.requireNonNull(value, "keepAlive").toSeconds();
        if (s < 1 || s > 65_535 || !value.equals(Duration.ofSeconds(s))) {
            throw new P4n4Exception(ErrorCode.USER, "MQTT keepAlive must be whole seconds from 1 to 65535, not "
                    + value);
        }
        this.keepAlive = value;
        return this;
    }

    /**
     * Sets whether the client reconnects by itself after a connection it had is lost, restoring its
     * subscriptions (default true), and the longest pause between attempts (default 10 s; pauses start at
     * 100 ms and double).
     */
    public MqttClientBuilder reconnect(boolean enabled, Duration maxDelay) {
        this.reconnect = enabled;
        this.reconnectMaxDelay = positive("reconnect maxDelay", maxDelay);
        return this;
    }

    /**
     * Connects and returns the client; NETWORK error when the broker cannot be reached, USER when it refuses,
     * or when the HiveMQ MQTT client ({@code com.hivemq:hivemq-mqtt-client}, an optional dependency of
     * p4n4-lib-clients) is not on the class path.
     */
    public MqttClient build() {
        owner.ensureOpen();
        HiveMqPresence.require();
        MqttUrl parsed = MqttUrl.parse(url);
        if (caFile != null && !parsed.tls()) {
            throw new P4n4Exception(ErrorCode.USER, "an MQTT CA file is set but the URL " + parsed
                    + " is not TLS: use mqtts://");
        }
        if (caFile != null && !Files.isReadable(caFile)) {
            throw new P4n4Exception(ErrorCode.USER, "the MQTT CA file " + caFile + " cannot be read");
        }
        if (password != null && username == null) {
            throw new P4n4Exception(ErrorCode.USER, "an MQTT password is set without a user: set MQTT_USER too");
        }
        String id = clientId != null && !clientId.isBlank() ? clientId
                : "p4n4-" + (deviceId != null ? deviceId : UUID.randomUUID().toString().substring(0, 8));
        return HiveMqttClient.connect(new MqttSettings(parsed, version, id, blankToNull(username), password, caFile,
                deviceId, connectTimeout, operationTimeout, keepAlive, reconnect, reconnectMaxDelay));
    }

    private static Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new P4n4Exception(ErrorCode.USER, "MQTT " + what + " must be positive, not " + value);
        }
        return value;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public String toString() {
        return "MqttClientBuilder[url=" + url + ", version=" + version + ", user=" + username + ", password="
                + (password == null ? "unset" : "***") + ", deviceId=" + deviceId + "]";
    }
}
