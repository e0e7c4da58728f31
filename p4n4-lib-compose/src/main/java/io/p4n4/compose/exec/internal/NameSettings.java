package io.p4n4.compose.exec.internal;

import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.compose.ComposeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name and network settings of a service ({@code extra_hosts}, {@code dns}, {@code dns_search},
 * {@code dns_opt}, {@code domainname}, {@code mac_address}, {@code expose}) onto a container spec, read as
 * Docker Compose v2 reads them. Stateless.
 */
final class NameSettings {
    private static final Pattern EXPOSE = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?");

    private NameSettings() {
    }

    static void apply(ComposeService service, ContainerSpec.Builder b) {
        ServiceValues.at(service, "extra_hosts").ifPresent(h -> b.extraHosts(extraHosts(service, h)));
        for (String key : List.of("dns", "dns_search", "dns_opt")) {
            ServiceValues.at(service, key).map(v -> ServiceValues.strings(service, key, v)).ifPresent(values -> {
                switch (key) {
                    case "dns" -> b.dns(values);
                    case "dns_search" -> b.dnsSearch(values);
                    default -> b.dnsOptions(values);
                }
            });
        }
        ServiceValues.at(service, "domainname").map(v -> ServiceValues.text(service, "domainname", v))
                .filter(s -> !s.isEmpty()).ifPresent(b::domainname);
        ServiceValues.at(service, "mac_address").map(v -> ServiceValues.text(service, "mac_address", v))
                .filter(s -> !s.isEmpty()).ifPresent(b::macAddress);
        ServiceValues.at(service, "expose").ifPresent(e -> b.exposedPorts(expose(service, e)));
    }

    /**
     * {@code HOST=IP} or {@code HOST:IP} entries (the first {@code =}, else the first {@code :}, so
     * {@code host:::1} is IPv6), or a map HOST: IP or HOST: [IP, ...]; several IPs split on commas; brackets
     * around an IP dropped. Each comes out as the engine's {@code HOST:IP}.
     */
    static List<String> extraHosts(ComposeService service, Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((host, ips) -> {
                List<String> list = ips instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                        : List.of(ips == null ? "" : String.valueOf(ips));
                list.forEach(ip -> out.add(host(service, String.valueOf(host), ip)));
            });
            return out;
        }
        for (String entry : ServiceValues.strings(service, "extra_hosts", value)) {
            int eq = entry.indexOf('=');
            int cut = eq >= 0 ? eq : entry.indexOf(':');
            if (cut < 0) {
                throw ServiceValues.bad(service, "extra_hosts", entry, "HOST=IP or HOST:IP (the IP is missing)");
            }
            for (String ip : entry.substring(cut + 1).split(",", -1)) {
                out.add(host(service, entry.substring(0, cut), ip));
            }
        }
        return out;
    }

    private static String host(ComposeService service, String host, String ip) {
        if (host.isEmpty() || host.contains(":") || host.contains("=")) {
            throw ServiceValues.bad(service, "extra_hosts", host, "a host name without ':' or '='");
        }
        String bare = ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1)
                : ip;
        if (bare.isEmpty()) {
            throw ServiceValues.bad(service, "extra_hosts", host + "=" + ip, "HOST=IP (the IP of " + host
                    + " is missing)");
        }
        return host + ":" + bare;
    }

    /** {@code N}, {@code N/udp}, {@code N-M[/proto]}: one {@code PORT/PROTOCOL} per port, tcp unless named. */
    static List<String> expose(ComposeService service, Object value) {
        List<String> out = new ArrayList<>();
        for (String entry : ServiceValues.strings(service, "expose", value)) {
            Matcher m = EXPOSE.matcher(entry.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw ServiceValues.bad(service, "expose", entry, "PORT, PORT/udp or FIRST-LAST[/tcp]");
            }
            int first = port(service, entry, m.group(1));
            int last = m.group(2) == null ? first : port(service, entry, m.group(2));
            if (last < first) {
                throw ServiceValues.bad(service, "expose", entry, "a range FIRST-LAST with FIRST <= LAST");
            }
            String protocol = m.group(3) == null ? "tcp" : m.group(3);
            for (int p = first; p <= last; p++) {
                String port = p + "/" + protocol;
                if (!out.contains(port)) {
                    out.add(port);
                }
            }
        }
        return out;
    }

    private static int port(ComposeService service, String entry, String digits) {
        int port = digits.length() > 5 ? -1 : Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw ServiceValues.bad(service, "expose", entry, "ports from 1 to 65535");
        }
        return port;
    }
}
