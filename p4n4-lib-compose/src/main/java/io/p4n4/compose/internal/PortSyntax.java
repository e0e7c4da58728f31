package io.p4n4.compose.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a port in short syntax ({@code "[ip:][published[-range]:]target[-range][/protocol]"} or a bare
 * number) or long syntax into compose's long form: {@code mode}, {@code host_ip}, {@code target},
 * {@code published} (a string), {@code protocol}. Stateless.
 */
public final class PortSyntax {
    private PortSyntax() {
    }

    /**
     * Returns the long-syntax entries one short or long port stands for (a range gives several).
     *
     * @throws IllegalArgumentException when the port cannot be read
     */
    public static List<Map<String, Object>> expand(Object spec) {
        Object v = Tagged.unwrap(spec);
        if (v instanceof Map<?, ?> map) {
            return List.of(fromLong(map));
        }
        if (v instanceof Long || v instanceof Integer) {
            return List.of(entry(null, ((Number) v).intValue(), null, "tcp", "ingress"));
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("a port must be a string, a number or a mapping, not " + v);
        }
        return fromShort(s.trim());
    }

    private static Map<String, Object> fromLong(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        putIfPresent(out, "name", map.get("name"));
        out.put("mode", map.get("mode") == null ? "ingress" : String.valueOf(map.get("mode")));
        putIfPresent(out, "host_ip", map.get("host_ip"));
        Object target = map.get("target");
        if (target == null) {
            throw new IllegalArgumentException("a port in long syntax needs 'target'");
        }
        out.put("target", (long) number(Trees.text(target), "target"));
        Object published = map.get("published");
        if (published != null && !Trees.text(published).isEmpty()) {
            out.put("published", Trees.text(published));
        }
        out.put("protocol", map.get("protocol") == null ? "tcp" : String.valueOf(map.get("protocol")));
        putIfPresent(out, "app_protocol", map.get("app_protocol"));
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            if (!out.containsKey(key) && e.getValue() != null) {
                out.put(key, e.getValue()); // x-* extensions
            }
        }
        return out;
    }

    private static List<Map<String, Object>> fromShort(String spec) {
        String protocol = "tcp";
        String rest = spec;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String hostIp = null;
        String published = null;
        String target;
        if (rest.startsWith("[")) { // [ipv6]:published:target
            int close = rest.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in port '" + spec + "'");
            }
            hostIp = rest.substring(1, close);
            rest = rest.substring(close + 1);
            if (rest.startsWith(":")) {
                rest = rest.substring(1);
            }
        }
        int last = rest.lastIndexOf(':');
        if (last < 0) {
            target = rest;
        } else {
            target = rest.substring(last + 1);
            String front = rest.substring(0, last);
            int prev = front.lastIndexOf(':');
            if (prev < 0) {
                published = front;
            } else {
                published = front.substring(prev + 1);
                hostIp = front.substring(0, prev);
            }
        }
        if (published != null && published.isEmpty()) {
            published = null;
        }
        int[] targets = range(target, spec);
        int[] publishedRange = published == null ? null : range(published, spec);
        List<Map<String, Object>> out = new ArrayList<>();
        int count = targets[1] - targets[0] + 1;
        if (publishedRange != null && count > 1 && publishedRange[1] - publishedRange[0] + 1 != count) {
            throw new IllegalArgumentException("port ranges in '" + spec + "' do not have the same length");
        }
        for (int i = 0; i < count; i++) {
            String pub;
            if (publishedRange == null) {
                pub = null;
            } else if (count == 1) {
                pub = published;
            } else {
                pub = Integer.toString(publishedRange[0] + i);
            }
            out.add(entry(hostIp, targets[0] + i, pub, protocol, "ingress"));
        }
        return out;
    }

    private static Map<String, Object> entry(String hostIp, int target, String published, String protocol,
            String mode) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", mode);
        if (hostIp != null && !hostIp.isEmpty()) {
            out.put("host_ip", hostIp);
        }
        out.put("target", (long) target);
        if (published != null) {
            out.put("published", published);
        }
        out.put("protocol", protocol);
        return out;
    }

    private static int[] range(String text, String spec) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            int p = number(text, spec);
            return new int[] {p, p};
        }
        int from = number(text.substring(0, dash), spec);
        int to = number(text.substring(dash + 1), spec);
        if (to < from) {
            throw new IllegalArgumentException("invalid port range '" + text + "' in '" + spec + "'");
        }
        return new int[] {from, to};
    }

    private static int number(String text, String what) {
        try {
            int p = Integer.parseInt(text.trim());
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a port number (0-65535) in '" + what + "'");
        }
    }

    private static void putIfPresent(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, String.valueOf(value));
        }
    }
}
