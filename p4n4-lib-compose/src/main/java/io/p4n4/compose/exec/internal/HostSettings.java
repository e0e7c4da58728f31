package io.p4n4.compose.exec.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerSpec;
import io.p4n4.api.engine.LogConfig;
import io.p4n4.api.engine.Ulimit;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The privilege, security, namespace and kernel settings of a service ({@code cap_add} ... {@code logging},
 * {@code platform}) onto a container spec, read as Docker Compose v2 reads them. Stateless.
 */
final class HostSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostSettings() {
    }

    static void apply(ComposeProject project, ComposeService service, ContainerSpec.Builder b) {
        list(service, "cap_add").ifPresent(b::capAdd);
        list(service, "cap_drop").ifPresent(b::capDrop);
        b.privileged(Boolean.TRUE.equals(service.attributes().get("privileged")));
        b.readOnlyRootfs(Boolean.TRUE.equals(service.attributes().get("read_only")));
        if (service.attributes().get("init") instanceof Boolean init) {
            b.init(init);
        }
        list(service, "security_opt").ifPresent(opts -> b.securityOpt(securityOpts(project, service, opts)));
        list(service, "group_add").ifPresent(b::groupAdd);
        b.ipcMode(namespace(project, service, "ipc"));
        b.pidMode(namespace(project, service, "pid"));
        ServiceValues.at(service, "userns_mode").map(v -> ServiceValues.text(service, "userns_mode", v))
                .filter(s -> !s.isEmpty()).ifPresent(b::usernsMode);
        ServiceValues.at(service, "ulimits").ifPresent(u -> b.ulimits(ulimits(service, u)));
        ServiceValues.at(service, "sysctls").ifPresent(s -> b.sysctls(stringMap(service, "sysctls", s)));
        list(service, "tmpfs").ifPresent(t -> b.tmpfs(tmpfs(t)));
        ServiceValues.at(service, "logging").ifPresent(l -> b.logConfig(logging(service, l)));
        ServiceValues.at(service, "platform").map(v -> ServiceValues.text(service, "platform", v))
                .filter(s -> !s.isEmpty()).ifPresent(b::platform);
    }

    private static java.util.Optional<List<String>> list(ComposeService service, String key) {
        return ServiceValues.at(service, key).map(v -> ServiceValues.strings(service, key, v));
    }

    /** {@code service:NAME} shares that service's first container's namespace; other modes go as they are. */
    private static @Nullable String namespace(ComposeProject project, ComposeService service, String key) {
        Object value = service.attributes().get(key);
        if (value == null || String.valueOf(value).isEmpty()) {
            return null;
        }
        String mode = ServiceValues.text(service, key, value);
        if (mode.startsWith("service:")) {
            String other = mode.substring("service:".length());
            ComposeService owner = project.findService(other).orElseThrow(() -> ServiceValues.bad(service, key,
                    mode, "service:NAME with a service of project " + project.name()));
            return "container:" + ContainerSpecs.containerName(project, owner);
        }
        return mode;
    }

    /** NAME: N sets soft and hard to N; NAME: {soft, hard} sets each. */
    private static List<Ulimit> ulimits(ComposeService service, Object value) {
        List<Ulimit> out = new ArrayList<>();
        if (!(value instanceof Map<?, ?> map)) {
            throw ServiceValues.bad(service, "ulimits", value, "a mapping NAME: N or NAME: {soft: N, hard: N}");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = "ulimits." + e.getKey();
            long soft;
            long hard;
            if (e.getValue() instanceof Map<?, ?> sh) {
                soft = ServiceValues.integer(service, key + ".soft", sh.get("soft"));
                hard = ServiceValues.integer(service, key + ".hard", sh.get("hard"));
            } else {
                soft = ServiceValues.integer(service, key, e.getValue());
                hard = soft;
            }
            try {
                out.add(new Ulimit(String.valueOf(e.getKey()), soft, hard));
            } catch (IllegalArgumentException ex) {
                throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": " + key + ": "
                        + ex.getMessage() + "; fix the limit", ex);
            }
        }
        return out;
    }

    private static Map<String, String> stringMap(ComposeService service, String key, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ServiceValues.bad(service, key, value, "a mapping or a list of KEY=VALUE");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : ServiceValues.text(service, key, v)));
        return out;
    }

    /** PATH[:OPTIONS], split at the first colon as compose does. */
    static Map<String, String> tmpfs(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : entries) {
            int colon = t.indexOf(':');
            out.put(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
        }
        return out;
    }

    private static @Nullable LogConfig logging(ComposeService service, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ServiceValues.bad(service, "logging", value, "a mapping with driver and options");
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (map.get("options") instanceof Map<?, ?> o) {
            o.forEach((k, v) -> options.put(String.valueOf(k), v == null ? ""
                    : ServiceValues.text(service, "logging.options." + k, v)));
        }
        Object driver = map.get("driver");
        if (driver == null || String.valueOf(driver).isBlank()) {
            if (options.isEmpty()) {
                return null;
            }
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": logging.options are set"
                    + " without logging.driver; name the driver the options are for (json-file, local, ...)");
        }
        return new LogConfig(String.valueOf(driver), options);
    }

    /**
     * As compose: {@code seccomp=FILE} (or {@code seccomp:FILE}) sends the profile's JSON inline, the file
     * resolved against the project directory; {@code systempaths=unconfined} has no spec field, so it is refused.
     */
    private static List<String> securityOpts(ComposeProject project, ComposeService service, List<String> opts) {
        List<String> out = new ArrayList<>();
        for (String opt : opts) {
            if (opt.equals("systempaths=unconfined")) {
                throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": security_opt "
                        + "systempaths=unconfined is not supported; remove it");
            }
            String[] kv = opt.split("=", 2);
            if (kv.length == 1 && !kv[0].equals("no-new-privileges")) {
                if (!opt.contains(":")) {
                    throw ServiceValues.bad(service, "security_opt", opt, "KEY=VALUE or KEY:VALUE"
                            + " (no-new-privileges:true, seccomp=FILE, label=disable, apparmor=PROFILE)");
                }
                kv = opt.split(":", 2);
            }
            if (kv[0].equals("seccomp") && kv.length == 2 && !kv[1].equals("unconfined")
                    && !kv[1].equals("builtin")) {
                out.add("seccomp=" + seccompProfile(project, service, kv[1]));
            } else {
                out.add(opt);
            }
        }
        return out;
    }

    private static String seccompProfile(ComposeProject project, ComposeService service, String file) {
        Path path = project.workingDirectory().resolve(file);
        try {
            return JSON.writeValueAsString(JSON.readTree(Files.readString(path)));
        } catch (JsonProcessingException e) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": security_opt seccomp profile "
                    + path + " is not valid JSON; fix the file", e);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.USER, "service " + service.name() + ": security_opt seccomp profile "
                    + path + " cannot be read (" + e.getMessage() + "); check the path", e);
        }
    }
}
