package io.p4n4.clients.internal.mqtt;

import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5MessageException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.ServiceException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Maps what the HiveMQ client reports onto p4n4's errors, naming the broker and the user, never the password. */
final class MqttFailures {
    private static final String SERVICE = "mqtt";

    private MqttFailures() {
    }

    /** Connecting to the broker failed. */
    static ServiceException connect(MqttSettings s, Throwable failure) {
        Throwable e = unwrap(failure);
        String where = "MQTT broker " + s.url();
        if (e instanceof Mqtt3ConnAckException a) {
            Mqtt3ConnAckReturnCode code = a.getMqttMessage().getReturnCode();
            boolean auth = code == Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD
                    || code == Mqtt3ConnAckReturnCode.NOT_AUTHORIZED;
            return refused(s, where, code.name(), code.getCode(), auth, e);
        }
        if (e instanceof Mqtt5ConnAckException a) {
            Mqtt5ConnAckReasonCode code = a.getMqttMessage().getReasonCode();
            boolean auth = code == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD
                    || code == Mqtt5ConnAckReasonCode.NOT_AUTHORIZED
                    || code == Mqtt5ConnAckReasonCode.BAD_AUTHENTICATION_METHOD;
            return refused(s, where, code.name(), code.getCode(), auth, e);
        }
        if (e instanceof TimeoutException) {
            return new ServiceException(ErrorCode.NETWORK, SERVICE, "CONNECT", s.url().toString(), 0, null,
                    where + " did not accept the connection within " + s.connectTimeout().toSeconds()
                            + " s. Is Mosquitto running and is the URL right?", e);
        }
        if (hasCause(e, SSLException.class)) {
            return new ServiceException(ErrorCode.NETWORK, SERVICE, "CONNECT", s.url().toString(), 0, null,
                    "TLS with " + where + " failed (" + rootMessage(e) + "): "
                            + (s.caFile() == null ? "give the CA that signed the broker's certificate (caFile),"
                                    + " or use mqtt:// when the broker has no TLS"
                                    : "is " + s.caFile() + " the CA that signed the broker's certificate,"
                                            + " and is the certificate made for " + s.url().host() + "?"), e);
        }
        return new ServiceException(ErrorCode.NETWORK, SERVICE, "CONNECT", s.url().toString(), 0, null,
                "cannot connect to " + where + " (" + rootMessage(e) + "). Is Mosquitto running (p4n4 up iot)"
                        + " and is the URL right?", e);
    }

    private static ServiceException refused(MqttSettings s, String where, String reason, int code, boolean auth,
            Throwable e) {
        if (auth) {
            String who = s.username() == null ? "anonymous clients" : "user '" + s.username() + "'";
            return new ServiceException(ErrorCode.USER, SERVICE, "CONNECT", s.url().toString(), code, reason,
                    where + " refused " + who + " (" + reason + "): check MQTT_USER and MQTT_PASSWORD in the"
                            + " project's .env (or the credentials given) against the broker's password file", null);
        }
        return new ServiceException(ErrorCode.NETWORK, SERVICE, "CONNECT", s.url().toString(), code, reason,
                where + " refused the connection (" + reason + ")", null);
    }

    /** A publish, subscribe or unsubscribe failed or was not acknowledged in time. */
    static ServiceException operation(MqttSettings s, String method, String topic, Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof TimeoutException) {
            return new ServiceException(ErrorCode.NETWORK, SERVICE, method, topic, 0, null, method + " on '" + topic
                    + "' was not acknowledged by MQTT broker " + s.url() + " within "
                    + s.operationTimeout().toSeconds() + " s (the client is "
                    + "reconnecting, or the broker is overloaded)", e);
        }
        if (e instanceof Mqtt5MessageException m) {
            String reason = m.getMqttMessage().getType() + " " + rootMessage(e);
            return new ServiceException(ErrorCode.USER, SERVICE, method, topic, 0, reason, "MQTT broker " + s.url()
                    + " refused " + method + " on '" + topic + "': " + reason + " (is the user allowed this topic?)", e);
        }
        return new ServiceException(ErrorCode.NETWORK, SERVICE, method, topic, 0, null, method + " on '" + topic
                + "' failed: " + rootMessage(e) + " (MQTT broker " + s.url() + ")", e);
    }

    /** The broker answered a SUBSCRIBE with a failure code. */
    static ServiceException subscriptionRefused(MqttSettings s, String filter) {
        return new ServiceException(ErrorCode.USER, SERVICE, "SUBSCRIBE", filter, 0x80, "refused",
                "MQTT broker " + s.url() + " refused the subscription to '" + filter
                        + "' (not allowed by its ACL for this user?)", null);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
