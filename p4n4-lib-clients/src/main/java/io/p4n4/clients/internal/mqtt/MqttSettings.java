package io.p4n4.clients.internal.mqtt;

import io.p4n4.api.clients.mqtt.MqttVersion;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Everything a client is built with, checked by the builder. {@code toString()} never shows the password.
 *
 * @param url the broker
 * @param version the protocol version
 * @param clientId the client identifier
 * @param username the user name, or null for anonymous
 * @param password the password, or null
 * @param caFile the PEM CA to trust for TLS, or null for the JDK's trust store
 * @param deviceId the device whose last will and online status the client carries, or null
 * @param connectTimeout how long connecting may take
 * @param operationTimeout how long a publish, subscribe or unsubscribe may wait for the broker
 * @param keepAlive the keep-alive interval
 * @param reconnect whether to reconnect automatically after the first successful connect
 * @param reconnectMaxDelay the longest pause between reconnect attempts
 */
public record MqttSettings(MqttUrl url, MqttVersion version, String clientId, @Nullable String username,
        @Nullable String password, @Nullable Path caFile, @Nullable String deviceId, Duration connectTimeout,
        Duration operationTimeout, Duration keepAlive, boolean reconnect, Duration reconnectMaxDelay) {

    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", version=" + version + ", clientId=" + clientId + ", username="
                + username + ", password=" + (password == null ? "unset" : "***") + ", caFile=" + caFile
                + ", deviceId=" + deviceId + ", reconnect=" + reconnect + "]";
    }
}
