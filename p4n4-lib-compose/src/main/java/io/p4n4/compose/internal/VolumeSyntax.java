package io.p4n4.compose.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a service volume in short syntax ({@code [source:]target[:mode,...]}) or long syntax into
 * compose's long form ({@code type}, {@code source}, {@code target}, {@code read_only}, {@code bind},
 * {@code volume}, {@code tmpfs}). Bind sources go through {@code resolvePath}. Stateless.
 */
public final class VolumeSyntax {
    private static final Set<String> PROPAGATION = Set.of("shared", "rshared", "slave", "rslave", "private",
            "rprivate");

    private VolumeSyntax() {
    }

    /**
     * Returns the long form of one volume entry.
     *
     * @param resolvePath turns a relative or {@code ~} bind source into the path the model keeps
     * @throws IllegalArgumentException when the entry cannot be read
     */
    public static Map<String, Object> normalize(Object spec, UnaryOperator<String> resolvePath) {
        Object v = Tagged.unwrap(spec);
        if (v instanceof Map<?, ?> map) {
            return fromLong(map, resolvePath);
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("a volume must be a string or a mapping, not " + v);
        }
        return fromShort(s, resolvePath);
    }

    private static Map<String, Object> fromLong(Map<?, ?> map, UnaryOperator<String> resolvePath) {
        Map<String, Object> out = new LinkedHashMap<>();
        String type = map.get("type") == null ? "volume" : String.valueOf(map.get("type"));
        out.put("type", type);
        Object source = map.get("source");
        if (source != null) {
            String src = Trees.text(source);
            out.put("source", type.equals("bind") ? resolvePath.apply(src) : src);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            if (!key.equals("type") && !key.equals("source") && e.getValue() != null) {
                out.put(key, Trees.copy(e.getValue()));
            }
        }
        if (out.get("read_only") instanceof String ro) {
            out.put("read_only", Boolean.parseBoolean(ro));
        }
        return out;
    }

    private static Map<String, Object> fromShort(String spec, UnaryOperator<String> resolvePath) {
        String[] parts = splitShort(spec);
        Map<String, Object> out = new LinkedHashMap<>();
        if (parts.length == 1) {
            out.put("type", "volume");
            out.put("target", parts[0]);
            return out;
        }
        if (parts.length > 3) {
            throw new IllegalArgumentException("too many ':' in volume '" + spec + "'");
        }
        String source = parts[0];
        String target = parts[1];
        String modes = parts.length == 3 ? parts[2] : "";
        if (source.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException("empty source or target in volume '" + spec + "'");
        }
        boolean bind = isPath(source);
        out.put("type", bind ? "bind" : "volume");
        out.put("source", bind ? resolvePath.apply(source) : source);
        out.put("target", target);
        Map<String, Object> bindOptions = new LinkedHashMap<>();
        Map<String, Object> volumeOptions = new LinkedHashMap<>();
        for (String mode : modes.isEmpty() ? new String[0] : modes.split(",")) {
            switch (mode) {
                case "ro" -> out.put("read_only", true);
                case "rw" -> {
                    // the default
                }
                case "z", "Z" -> bindOptions.put("selinux", mode);
                case "nocopy" -> volumeOptions.put("nocopy", true);
                case "cached", "delegated", "consistent" -> out.put("consistency", mode);
                default -> {
                    if (PROPAGATION.contains(mode)) {
                        bindOptions.put("propagation", mode);
                    } else {
                        throw new IllegalArgumentException("unknown mode '" + mode + "' in volume '" + spec
                                + "' (use ro, rw, z, Z, nocopy or a propagation such as rprivate)");
                    }
                }
            }
        }
        if (bind) {
            bindOptions.put("create_host_path", true);
            out.put("bind", bindOptions);
        } else if (!volumeOptions.isEmpty()) {
            out.put("volume", volumeOptions);
        }
        return out;
    }

    /** Splits on ':' but keeps a Windows drive ({@code C:\...}) in the source. */
    private static String[] splitShort(String spec) {
        if (spec.length() > 2 && Character.isLetter(spec.charAt(0)) && spec.charAt(1) == ':'
                && (spec.charAt(2) == '\\' || spec.charAt(2) == '/')) {
            String[] rest = spec.substring(2).split(":", -1);
            rest[0] = spec.substring(0, 2) + rest[0];
            return rest;
        }
        return spec.split(":", -1);
    }

    /** A source is a host path when it starts with '.', '/', '~' or a Windows drive; otherwise a named volume. */
    public static boolean isPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
                || (source.length() > 1 && Character.isLetter(source.charAt(0)) && source.charAt(1) == ':');
    }
}
