package io.p4n4.clients.internal.mqtt;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A broker address: {@code mqtt://host[:1883]} or {@code tcp://...} for plain TCP, {@code mqtts://host[:8883]}
 * or {@code ssl://...} for TLS. User info, paths and queries are refused by name (credentials have their own
 * settings, so they never sit in a URL that may be printed).
 *
 * @param host the host name or address
 * @param port the TCP port
 * @param tls whether the connection uses TLS
 */
public record MqttUrl(String host, int port, boolean tls) {

    /** Parses {@code text}; USER error naming what is wrong. */
    public static MqttUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw bad(text, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = switch (scheme) {
            case "mqtt", "tcp" -> false;
            case "mqtts", "ssl" -> true;
            default -> throw bad(text, "the scheme must be mqtt://, mqtts://, tcp:// or ssl://");
        };
        if (uri.getRawUserInfo() != null) {
            throw new P4n4Exception(ErrorCode.USER, "the MQTT URL must not carry credentials: set MQTT_USER and"
                    + " MQTT_PASSWORD (or the client's credentials) instead");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw bad(text, "it names no host");
        }
        if (!(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(text, "MQTT URLs have no path, query or fragment");
        }
        int port = uri.getPort() == -1 ? (tls ? 8883 : 1883) : uri.getPort();
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new MqttUrl(host, port, tls);
    }

    private static P4n4Exception bad(String text, String why) {
        return new P4n4Exception(ErrorCode.USER, "MQTT URL '" + text + "' is not usable: " + why
                + " (e.g. mqtt://localhost:1883 or mqtts://broker.example:8883)");
    }

    @Override
    public String toString() {
        return (tls ? "mqtts://" : "mqtt://") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
