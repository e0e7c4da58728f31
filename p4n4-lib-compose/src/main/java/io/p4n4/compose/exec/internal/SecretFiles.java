package io.p4n4.compose.exec.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerFile;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.Mount;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A service's {@code secrets} and {@code configs}, mounted where compose mounts them: a secret at
 * {@code /run/secrets/NAME} (a relative target below it), a config at {@code /NAME} (a relative target below
 * {@code /}). A {@code file:} source with no {@code uid}, {@code gid} or {@code mode} is a read-only bind mount
 * of the file, as in compose (so it shows edits at once); any other source, or a file with an owner or mode,
 * is written into the container before it starts, owned {@code uid:gid} (default 0:0) with {@code mode}
 * (default 0444). Compose itself ignores uid, gid and mode on file sources: here they are applied.
 * External ones cannot be had on a local engine and are refused by name. Never puts content in a message.
 */
final class SecretFiles {
    private static final int DEFAULT_MODE = 0444;

    private SecretFiles() {
    }

    /** One secret or config as a service uses it. */
    private record Use(String kind, String source, String target, @Nullable Integer uid, @Nullable Integer gid,
            @Nullable Integer mode) {
        boolean ownerOrMode() {
            return uid != null || gid != null || mode != null;
        }
    }

    static void apply(ComposeProject project, ComposeService service, ContainerSpec.Builder b) {
        for (Use use : uses(service)) {
            Map<?, ?> defined = definition(project, service, use);
            Object file = defined.get("file");
            if (file != null && !use.ownerOrMode()) {
                Path path = Path.of(String.valueOf(file));
                requireReadable(service, use, path);
                b.mount(Mount.bind(path.toString(), use.target()).asReadOnly());
                continue;
            }
            b.files(List.of(ContainerFile.of(use.target(), content(project, service, use, defined),
                    use.uid() == null ? 0 : use.uid(), use.gid() == null ? 0 : use.gid(),
                    use.mode() == null ? DEFAULT_MODE : use.mode())));
        }
    }

    /** The content of every config the service uses (not its secrets): a change in one recreates it. */
    static List<byte[]> configContents(ComposeProject project, ComposeService service) {
        List<byte[]> out = new ArrayList<>();
        for (Use use : uses(service)) {
            if (use.kind().equals("configs")) {
                out.add(content(project, service, use, definition(project, service, use)));
            }
        }
        return out;
    }

    private static List<Use> uses(ComposeService service) {
        List<Use> out = new ArrayList<>();
        for (String kind : List.of("secrets", "configs")) {
            if (!(service.attributes().get(kind) instanceof List<?> list)) {
                continue;
            }
            for (Object item : list) {
                Map<?, ?> m = item instanceof Map<?, ?> map ? map : Map.of("source", String.valueOf(item));
                String source = String.valueOf(m.get("source"));
                String base = kind.equals("secrets") ? "/run/secrets/" : "/";
                Object target = m.get("target");
                String path = target == null || String.valueOf(target).isEmpty() ? base + source
                        : String.valueOf(target).startsWith("/") ? String.valueOf(target) : base + target;
                String key = kind + "." + source;
                out.add(new Use(kind, source, path, id(service, key + ".uid", m.get("uid")),
                        id(service, key + ".gid", m.get("gid")), mode(service, key + ".mode", m.get("mode"))));
            }
        }
        return out;
    }

    private static Map<?, ?> definition(ComposeProject project, ComposeService service, Use use) {
        Map<String, Object> all = use.kind().equals("secrets") ? project.secrets() : project.configs();
        String what = use.kind().equals("secrets") ? "secret" : "config";
        if (!(all.get(use.source()) instanceof Map<?, ?> defined)) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + " uses " + what + " "
                    + use.source() + ", which the top-level " + use.kind() + ": does not define; define it");
        }
        if (Boolean.TRUE.equals(defined.get("external"))) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + what + " "
                    + use.source() + " is external: true, which only a swarm provides; define it with file: or"
                    + " environment:" + (what.equals("config") ? " or content:" : "") + " for a local engine");
        }
        for (String unsupported : List.of("driver", "template_driver")) {
            if (defined.get(unsupported) != null) {
                throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + what + " "
                        + use.source() + " sets " + unsupported + ", which compose does not support locally;"
                        + " remove it");
            }
        }
        if (defined.get("file") == null && defined.get("environment") == null && defined.get("content") == null) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + what + " "
                    + use.source() + " has no source; give it file: or environment:"
                    + (what.equals("config") ? " or content:" : ""));
        }
        return defined;
    }

    private static byte[] content(ComposeProject project, ComposeService service, Use use, Map<?, ?> defined) {
        String what = use.kind().equals("secrets") ? "secret" : "config";
        if (defined.get("file") != null) {
            Path path = Path.of(String.valueOf(defined.get("file")));
            requireReadable(service, use, path);
            try {
                return Files.readAllBytes(path);
            } catch (IOException e) {
                throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + what + " "
                        + use.source() + ": file " + path + " cannot be read (" + e.getClass().getSimpleName()
                        + "); check it", e);
            }
        }
        if (defined.get("environment") != null) {
            String variable = String.valueOf(defined.get("environment"));
            String value = project.environment().get(variable);
            if (value == null) {
                throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + what + " "
                        + use.source() + " comes from environment variable " + variable + ", which is not set;"
                        + " set it (in the environment or .env)");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
        return String.valueOf(defined.get("content")).getBytes(StandardCharsets.UTF_8);
    }

    private static void requireReadable(ComposeService service, Use use, Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": "
                    + (use.kind().equals("secrets") ? "secret " : "config ") + use.source() + ": file " + path
                    + " does not exist or cannot be read; create it or fix file:");
        }
    }

    private static @Nullable Integer id(ComposeService service, String key, Object value) {
        if (value == null || String.valueOf(value).isEmpty()) {
            return null;
        }
        long id = ServiceValues.integer(service, key, value);
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw ServiceValues.bad(service, key, value, "a user or group id from 0");
        }
        return (int) id;
    }

    /** A number as it was read (YAML {@code 0440} is octal, as in compose), a string as octal digits. */
    private static @Nullable Integer mode(ComposeService service, String key, Object value) {
        if (value == null) {
            return null;
        }
        int mode;
        if (value instanceof Integer || value instanceof Long) {
            mode = ((Number) value).intValue();
        } else if (String.valueOf(value).matches("0?[oO]?[0-7]{1,4}")) {
            mode = Integer.parseInt(String.valueOf(value).replaceFirst("^0?[oO]", ""), 8);
        } else {
            throw ServiceValues.bad(service, key, value, "permission bits such as 0440 or \"0440\"");
        }
        if (mode < 0 || mode > 07777) {
            throw ServiceValues.bad(service, key, value, "permission bits from 0 to 07777");
        }
        return mode;
    }
}
