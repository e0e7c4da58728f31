package io.p4n4.compose;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.internal.GoDuration;
import io.p4n4.compose.internal.ModelJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One service of a loaded compose project, normalized: ports and volumes in long syntax,
 * environment as a map, depends_on with conditions, healthcheck durations parsed, paths resolved.
 * Typed accessors cover what an executor needs; {@link #attributes()} holds every attribute of the
 * canonical model (the shape of {@code docker compose config --format json}).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows environment values.
 */
public final class ComposeService {
    private static final List<String> NOT_HASHED = List.of("build", "depends_on", "profiles", "pull_policy",
            "scale", "develop");
    private final String name;
    private final Map<String, Object> attributes;

    ComposeService(String name, Map<String, Object> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    /** Returns the service name. */
    public String name() {
        return name;
    }

    /** Returns the image, if set (a service with only {@code build} has none). */
    public Optional<String> image() {
        return Attributes.findString(attributes, "image");
    }

    /** Returns the build section ({@code context}, {@code dockerfile}, ...), empty when the service is not built. */
    public Map<String, Object> build() {
        return Attributes.map(attributes.get("build"));
    }

    /** Returns the fixed container name, if set. */
    public Optional<String> containerName() {
        return Attributes.findString(attributes, "container_name");
    }

    /** Returns the restart policy ({@code no}, {@code always}, {@code on-failure[:n]}, {@code unless-stopped}), if set. */
    public Optional<String> restart() {
        return Attributes.findString(attributes, "restart");
    }

    /** Returns the command as a list of words, if set (a string command is split like a shell does). */
    public Optional<List<String>> command() {
        return attributes.get("command") == null ? Optional.empty()
                : Optional.of(Attributes.strings(attributes.get("command")));
    }

    /** Returns the entrypoint as a list of words, if set. */
    public Optional<List<String>> entrypoint() {
        return attributes.get("entrypoint") == null ? Optional.empty()
                : Optional.of(Attributes.strings(attributes.get("entrypoint")));
    }

    /**
     * Returns the environment with {@code env_file} values merged under explicit entries. A variable
     * listed without a value and not set in the project environment maps to {@code null}.
     */
    public Map<String, @Nullable String> environment() {
        return Attributes.stringMap(attributes.get("environment"));
    }

    /** Returns the env files the environment was read from. */
    public List<EnvFileRef> envFiles() {
        return Attributes.list(attributes.get("env_file")).stream().map(Attributes::map)
                .map(m -> new EnvFileRef(String.valueOf(m.get("path")), !Boolean.FALSE.equals(m.get("required")),
                        Attributes.string(m.get("format"))))
                .toList();
    }

    /** Returns the ports in long syntax (ranges expanded), in order. */
    public List<ServicePort> ports() {
        return Attributes.list(attributes.get("ports")).stream().map(Attributes::map)
                .map(p -> new ServicePort(Attributes.string(p.get("name")), String.valueOf(p.get("mode")),
                        Attributes.string(p.get("host_ip")), ((Number) p.get("target")).intValue(),
                        Attributes.string(p.get("published")), String.valueOf(p.get("protocol")),
                        Attributes.string(p.get("app_protocol"))))
                .toList();
    }

    /** Returns the mounts in long syntax, in order. */
    public List<ServiceVolume> volumes() {
        return Attributes.list(attributes.get("volumes")).stream().map(Attributes::map)
                .map(this::volume)
                .toList();
    }

    private ServiceVolume volume(Map<String, Object> v) {
        Map<String, Object> bind = Attributes.map(v.get("bind"));
        Map<String, Object> tmpfs = Attributes.map(v.get("tmpfs"));
        Object mode = tmpfs.get("mode");
        return new ServiceVolume(String.valueOf(v.get("type")), Attributes.string(v.get("source")),
                Attributes.string(v.get("target")), Attributes.bool(v.get("read_only")),
                Attributes.bool(bind.get("create_host_path")), Attributes.string(bind.get("propagation")),
                Attributes.string(bind.get("selinux")), Attributes.bool(Attributes.map(v.get("volume")).get("nocopy")),
                tmpfs.get("size") == null ? null : String.valueOf(tmpfs.get("size")),
                mode == null ? null : tmpfsMode(v.get("target"), mode));
    }

    /** A tmpfs mode: a number as YAML read it ({@code 01777} is octal there), or an octal string. */
    private Integer tmpfsMode(Object target, Object mode) {
        if (mode instanceof Number n) {
            return n.intValue();
        }
        try {
            String text = String.valueOf(mode);
            return Integer.parseInt(text.startsWith("0o") ? text.substring(2) : text, 8);
        } catch (NumberFormatException e) {
            throw new P4n4Exception(ErrorCode.USER, "service " + name + ": the tmpfs mount on " + target
                    + " has mode '" + mode + "'; write an octal mode such as 1777 or 0o1777");
        }
    }

    /** Returns the dependencies by service name, in declaration order. */
    public Map<String, ServiceDependency> dependsOn() {
        Map<String, ServiceDependency> out = new LinkedHashMap<>();
        Attributes.map(attributes.get("depends_on")).forEach((k, v) -> {
            Map<String, Object> cfg = Attributes.map(v);
            Object condition = cfg.get("condition");
            out.put(k, new ServiceDependency(k, condition == null ? DependencyCondition.SERVICE_STARTED
                    : DependencyCondition.parse(String.valueOf(condition)),
                    !Boolean.FALSE.equals(cfg.get("required")), Attributes.bool(cfg.get("restart"))));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Returns the healthcheck, if the service defines one. */
    public Optional<Healthcheck> healthcheck() {
        if (!(attributes.get("healthcheck") instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        Map<String, Object> hc = Attributes.map(attributes.get("healthcheck"));
        Object retries = hc.get("retries");
        return Optional.of(new Healthcheck(Attributes.strings(hc.get("test")), duration(hc.get("interval")),
                duration(hc.get("timeout")), duration(hc.get("start_period")), duration(hc.get("start_interval")),
                retries == null ? null : ((Number) retries).intValue(), Attributes.bool(hc.get("disable"))));
    }

    private static Duration duration(Object value) {
        return value == null ? null : GoDuration.parse(String.valueOf(value));
    }

    /** Returns the networks the service joins, by network key, in declaration order. */
    public Map<String, ServiceNetwork> networks() {
        Map<String, ServiceNetwork> out = new LinkedHashMap<>();
        Attributes.map(attributes.get("networks")).forEach((k, v) -> {
            Map<String, Object> cfg = Attributes.map(v);
            out.put(k, new ServiceNetwork(k, Attributes.strings(cfg.get("aliases")),
                    Attributes.string(cfg.get("ipv4_address")), Attributes.string(cfg.get("ipv6_address"))));
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Returns the network mode ({@code host}, {@code none}, {@code service:x}, ...), if set. */
    public Optional<String> networkMode() {
        return Attributes.findString(attributes, "network_mode");
    }

    /** Returns the labels. */
    public Map<String, String> labels() {
        return Attributes.stringMap(attributes.get("labels"));
    }

    /** Returns the profiles that enable the service (empty: always enabled). */
    public List<String> profiles() {
        return Attributes.strings(attributes.get("profiles"));
    }

    /** Returns one attribute of the canonical model, if set (e.g. {@code cap_add}, {@code ulimits}). */
    public Optional<Object> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** Returns every attribute of the canonical model (unmodifiable, nested maps and lists too). */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /**
     * Returns the canonical JSON a config hash is computed over: every attribute with sorted keys,
     * except those that do not require recreating the container (build, depends_on, profiles,
     * pull_policy, scale, develop, deploy.replicas).
     */
    public String configHashInput() {
        Map<String, Object> input = new LinkedHashMap<>(attributes);
        NOT_HASHED.forEach(input::remove);
        if (input.get("deploy") instanceof Map<?, ?>) {
            Map<String, Object> deploy = new LinkedHashMap<>(Attributes.map(input.get("deploy")));
            deploy.remove("replicas");
            input.put("deploy", deploy);
        }
        return ModelJson.canonical(input);
    }

    /** Returns the SHA-256 (hex) of {@link #configHashInput()}, for the {@code com.docker.compose.config-hash} label. */
    public String configHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(configHashInput().getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "ComposeService{" + name + ", image=" + image().orElse("<build>") + "}";
    }
}
