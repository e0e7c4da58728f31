package io.p4n4.podman.internal.libpod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compose's {@code security_opt} strings ({@code no-new-privileges:true}, {@code label=disable},
 * {@code apparmor=PROFILE}, {@code seccomp=unconfined}) as the spec generator's fields, the way the
 * podman CLI's {@code --security-opt} reads them. The separator after the key may be {@code =} or
 * {@code :}, as Docker allows.
 */
final class SecurityOptions {

    private SecurityOptions() {
    }

    /** The options compose may give that this class maps, for messages. */
    static final String KNOWN = "no-new-privileges, label=..., apparmor=..., seccomp=..., mask=..., unmask=...";

    /** The options that are none of the known kinds, in order. */
    static List<String> unknown(List<String> options) {
        List<String> out = new ArrayList<>();
        for (String o : options) {
            if (parse(o) == null) {
                out.add(o);
            }
        }
        return out;
    }

    /** Adds the fields of every known option to {@code body}; unknown ones are refused beforehand. */
    static void apply(List<String> options, Map<String, Object> body) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String o : options) {
            Option p = parse(o);
            if (p == null) {
                throw new IllegalArgumentException("unknown security option " + o);
            }
            switch (p.key) {
                case "no-new-privileges":
                    fields.put("no_new_privileges", p.value.isEmpty() || Boolean.parseBoolean(p.value));
                    break;
                case "label":
                    list(fields, "selinux_opts").add(p.value);
                    break;
                case "apparmor":
                    fields.put("apparmor_profile", p.value);
                    break;
                case "seccomp":
                    fields.put("seccomp_profile_path", p.value);
                    break;
                case "mask":
                case "unmask":
                    list(fields, p.key).addAll(List.of(p.value.split(":")));
                    break;
                default:
                    throw new IllegalStateException(p.key);
            }
        }
        body.putAll(fields);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> fields, String key) {
        return (List<String>) fields.computeIfAbsent(key, k -> new ArrayList<String>());
    }

    private record Option(String key, String value) {
    }

    private static Option parse(String option) {
        String o = option.trim();
        int sep = firstSeparator(o);
        String key = (sep < 0 ? o : o.substring(0, sep)).toLowerCase(Locale.ROOT);
        String value = sep < 0 ? "" : o.substring(sep + 1);
        switch (key) {
            case "no-new-privileges":
                return value.isEmpty() || value.equals("true") || value.equals("false") ? new Option(key, value) : null;
            case "label":
            case "apparmor":
            case "seccomp":
            case "mask":
            case "unmask":
                return value.isEmpty() ? null : new Option(key, value);
            default:
                return null;
        }
    }

    private static int firstSeparator(String o) {
        int eq = o.indexOf('=');
        int colon = o.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }
}
