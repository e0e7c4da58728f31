package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.ComposeService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one compose value in the forms Docker Compose v2 accepts, failing with a USER error that names the
 * service, the key and the value and says what to write. Stateless.
 */
final class ServiceValues {
    /** Docker's size syntax: a number, an optional space, a binary unit with optional {@code i} and {@code b}. */
    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");
    private static final String UNITS = "kmgtp";

    private ServiceValues() {
    }

    /** The value at a dotted {@code path} below the service ({@code deploy.resources.limits.memory}), if set. */
    static Optional<Object> at(ComposeService service, String path) {
        Object node = service.attributes();
        for (String part : path.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            node = map.get(part);
        }
        return Optional.ofNullable(node);
    }

    /**
     * Every value at a {@link io.p4n4.compose.exec.ServiceKeys} path below the service: a {@code []} part steps
     * into each item of a list, a {@code *} part into each value of a mapping ({@code volumes[].bind.selinux},
     * {@code networks.*.ipv4_address}). Empty when nothing is set there.
     */
    static List<Object> all(ComposeService service, String path) {
        List<Object> nodes = List.of(service.attributes());
        for (String part : path.split("\\.")) {
            boolean items = part.endsWith("[]");
            String name = items ? part.substring(0, part.length() - 2) : part;
            List<Object> next = new ArrayList<>();
            for (Object node : nodes) {
                if (!(node instanceof Map<?, ?> map)) {
                    continue;
                }
                for (Object value : name.equals("*") ? map.values() : Collections.singleton(map.get(name))) {
                    if (items && value instanceof List<?> list) {
                        list.stream().filter(Objects::nonNull).forEach(next::add);
                    } else if (!items && value != null) {
                        next.add(value);
                    }
                }
            }
            nodes = next;
        }
        return nodes;
    }

    /**
     * A byte size as compose reads it: a whole number is bytes; a string is a number (fractions allowed) with an
     * optional unit b, k, m, g, t, p (powers of 1024, any case, {@code i} and {@code b} optional: 512m, 1.5g,
     * 1GiB). {@code -1} is accepted where {@code minusOneAllowed} (unlimited swap).
     */
    static long bytes(ComposeService service, String key, Object value, boolean minusOneAllowed) {
        if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            if (n < 0 && !(minusOneAllowed && n == -1)) {
                throw bad(service, key, value, "a size of at least 0 bytes" + (minusOneAllowed ? " or -1" : ""));
            }
            return n;
        }
        if (value instanceof String s) {
            if (minusOneAllowed && s.equals("-1")) {
                return -1;
            }
            Matcher m = SIZE.matcher(s);
            if (m.matches()) {
                try {
                    double size = Double.parseDouble(m.group(1));
                    if (m.group(2) != null) {
                        int power = UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
                        size *= Math.pow(1024, power);
                    }
                    return (long) size; // truncated, as compose does
                } catch (NumberFormatException e) {
                    // 1.2.3 matches the pattern but is no number; falls through to the error
                }
            }
        }
        throw bad(service, key, value, "a size such as 512m, 1.5g, 1GiB or a whole number of bytes");
    }

    /** CPUs as a number or a numeric string, in billionths of a CPU, computed in single precision as compose. */
    static long nanoCpus(ComposeService service, String key, Object value) {
        float cpus;
        try {
            cpus = value instanceof Number n ? n.floatValue() : (float) Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw bad(service, key, value, "a number of CPUs such as 0.5 or 2");
        }
        if (!(cpus >= 0) || Float.isInfinite(cpus)) {
            throw bad(service, key, value, "a number of CPUs of at least 0, such as 0.5 or 2");
        }
        return (long) (cpus * 1e9f);
    }

    /** A whole number, from a number or a string. */
    static long integer(ComposeService service, String key, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && new BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw bad(service, key, value, "a whole number");
        }
    }

    /** A string or a list of strings as a list. */
    static List<String> strings(ComposeService service, String key, Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(text(service, key, v)));
        } else {
            out.add(text(service, key, value));
        }
        return out;
    }

    /** A scalar as text; a mapping or list is a USER error. */
    static String text(ComposeService service, String key, Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?> || value == null) {
            throw bad(service, key, value == null ? "null" : value.getClass().getSimpleName(), "a single value");
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }

    /** A USER error: service {@code service}: {@code key} is '{@code value}'; use {@code expected}. */
    static P4n4Exception bad(ComposeService service, String key, Object value, String expected) {
        return new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + key + " is '" + value
                + "'; use " + expected);
    }
}
