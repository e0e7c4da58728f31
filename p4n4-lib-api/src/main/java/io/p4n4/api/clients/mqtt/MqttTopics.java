package io.p4n4.api.clients.mqtt;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The p4n4 platform's MQTT topics, built from validated ids, and the checks every client applies:
 *
 * <table>
 *   <caption>Topic conventions of the p4n4 specification</caption>
 *   <tr><th>topic</th><th>direction</th><th>method</th></tr>
 *   <tr><td>{@code sensors/<device-id>/<measurement>}</td><td>device to broker</td><td>{@link #sensor}</td></tr>
 *   <tr><td>{@code commands/<device-id>/<action>}</td><td>broker to device</td><td>{@link #command}</td></tr>
 *   <tr><td>{@code alerts/<device-id>/<alert-type>}</td><td>Node-RED to n8n</td><td>{@link #alert}</td></tr>
 *   <tr><td>{@code status/<device-id>/online}</td><td>device to broker, retained</td><td>{@link #status}</td></tr>
 *   <tr><td>{@code inference/<device-id>/result}</td><td>EI runner to Node-RED</td><td>{@link #inferenceResult}</td></tr>
 *   <tr><td>{@code federation/<site-id>/sensors/#}</td><td>spoke to hub (v0.3)</td><td>{@link #matchesSpec}</td></tr>
 * </table>
 *
 * <p>An id (device, measurement, action, alert type, site) is one topic level of 1 to 128 letters, digits,
 * {@code .}, {@code _} or {@code -}; anything else is refused with {@link ErrorCode#USER}. Stateless and
 * thread-safe.
 */
public final class MqttTopics {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final int MAX_TOPIC_BYTES = 65_535;
    private static final List<String> TWO_ID_ROOTS = List.of("sensors", "commands", "alerts");

    private MqttTopics() {
    }

    /** Returns {@code sensors/<deviceId>/<measurement>}. */
    public static String sensor(String deviceId, String measurement) {
        return "sensors/" + id("device id", deviceId) + "/" + id("measurement", measurement);
    }

    /** Returns {@code commands/<deviceId>/<action>}. */
    public static String command(String deviceId, String action) {
        return "commands/" + id("device id", deviceId) + "/" + id("action", action);
    }

    /** Returns {@code alerts/<deviceId>/<alertType>}. */
    public static String alert(String deviceId, String alertType) {
        return "alerts/" + id("device id", deviceId) + "/" + id("alert type", alertType);
    }

    /** Returns {@code status/<deviceId>/online}, the device's retained heartbeat and last will. */
    public static String status(String deviceId) {
        return "status/" + id("device id", deviceId) + "/online";
    }

    /** Returns {@code inference/<deviceId>/result}. */
    public static String inferenceResult(String deviceId) {
        return "inference/" + id("device id", deviceId) + "/result";
    }

    /** Returns the filter of every alert: {@code alerts/+/+}. */
    public static String allAlerts() {
        return "alerts/+/+";
    }

    /** Returns the filter of one device's alerts: {@code alerts/<deviceId>/+}. */
    public static String alertsOf(String deviceId) {
        return "alerts/" + id("device id", deviceId) + "/+";
    }

    /**
     * Returns {@code value} when it is a valid id; USER error naming {@code what} otherwise.
     *
     * @param what what the id is, for the message, e.g. {@code "device id"}
     * @param value the id
     */
    public static String id(String what, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new P4n4Exception(ErrorCode.USER, what + " '" + value + "' is not valid: use 1 to 128 letters, "
                    + "digits, '.', '_' or '-' (one topic level: no '/', '+', '#' or spaces)");
        }
        return value;
    }

    /**
     * Returns {@code topic} when it can be published to: not empty, at most 65,535 UTF-8 bytes, no NUL and
     * no wildcard ({@code +} or {@code #}). USER error otherwise.
     */
    public static String requireTopic(String topic) {
        common("topic", topic);
        if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw new P4n4Exception(ErrorCode.USER, "cannot publish to '" + topic + "': wildcards (+ and #) "
                    + "belong in subscription filters only; name one topic, e.g. " + sensor("device-1", "temperature"));
        }
        return topic;
    }

    /**
     * Returns {@code filter} when it can be subscribed to: a topic, or one with {@code +} standing for a whole
     * level and {@code #} for a whole last level. USER error otherwise.
     */
    public static String requireFilter(String filter) {
        common("topic filter", filter);
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean wild = level.indexOf('+') >= 0 || level.indexOf('#') >= 0;
            if (wild && !level.equals("+") && !(level.equals("#") && i == levels.length - 1)) {
                throw new P4n4Exception(ErrorCode.USER, "topic filter '" + filter + "' is malformed: '+' must be a"
                        + " whole level and '#' the whole last level, e.g. sensors/+/temperature or alerts/#");
            }
        }
        return filter;
    }

    /**
     * Returns whether a topic or filter follows one of the specification's patterns (the table above). In a
     * filter, {@code +} stands for any id and a trailing {@code #} for the rest of a pattern
     * ({@code sensors/#}, {@code alerts/+/#}).
     */
    public static boolean matchesSpec(String topicOrFilter) {
        return matches(topicOrFilter.split("/", -1), 0);
    }

    private static boolean matches(String[] l, int from) {
        int n = l.length - from;
        if (n < 2) {
            return false;
        }
        String root = l[from];
        if (root.equals("federation")) {
            return n >= 3 && idOrPlus(l[from + 1]) && (n == 3 && l[from + 2].equals("#")
                    || l[from + 2].equals("sensors") && matches(l, from + 2));
        }
        String last = switch (root) {
            case "status" -> "online";
            case "inference" -> "result";
            default -> TWO_ID_ROOTS.contains(root) ? "" : null;
        };
        if (last == null) {
            return false;
        }
        if (l[from + 1].equals("#")) {
            return n == 2;
        }
        if (n != 3 || !idOrPlus(l[from + 1])) {
            return false;
        }
        String third = l[from + 2];
        return third.equals("#") || (last.isEmpty() ? idOrPlus(third) : third.equals(last));
    }

    private static boolean idOrPlus(String level) {
        return level.equals("+") || ID.matcher(level).matches();
    }

    private static void common(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "the MQTT " + what + " is empty: name one, e.g. "
                    + "sensors/device-1/temperature");
        }
        if (value.indexOf('\0') >= 0) {
            throw new P4n4Exception(ErrorCode.USER, "the MQTT " + what + " '" + value.replace("\0", "\\0")
                    + "' contains a NUL character, which MQTT forbids");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES) {
            throw new P4n4Exception(ErrorCode.USER, "the MQTT " + what + " is longer than 65,535 bytes");
        }
    }
}
