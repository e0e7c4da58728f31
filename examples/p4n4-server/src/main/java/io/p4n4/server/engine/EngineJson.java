package io.p4n4.server.engine;

import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes (plain insertion-ordered {@code Map}s and {@code List}s, ready for Jackson) the server sends for
 * status, {@code up} and {@code down} results and log lines. Field names follow the CLI's {@code --json} output
 * ({@code docs/cli-json.md}) in camelCase, like the rest of the REST API; enum words are lower-case.
 *
 * <p><b>Thread-safety:</b> stateless.
 */
public final class EngineJson {
    private EngineJson() {
    }

    /**
     * A snapshot: {@code {"sequence", "at", "engine", "stacks": {"iot": [service, ...], ...}}}, stacks in the
     * project's order, each service as {@link #service}.
     */
    public static Map<String, Object> status(StatusSnapshot snapshot) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        snapshot.stacks().forEach((stack, services) ->
                stacks.put(stack.value(), services.stream().map(EngineJson::service).toList()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", snapshot.sequence());
        m.put("at", snapshot.at().toString());
        m.put("engine", snapshot.engineId());
        m.put("stacks", stacks);
        return m;
    }

    /**
     * One container: {@code service}, {@code container}, {@code image}, {@code state}, {@code health},
     * {@code exit_code}, {@code ports} [{@code host_ip}, {@code host_port}, {@code container_port}, {@code protocol}].
     */
    public static Map<String, Object> service(ServiceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", s.service());
        m.put("container", s.container());
        m.put("image", s.image());
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("health", s.health().name().toLowerCase(Locale.ROOT));
        m.put("exit_code", s.exitCode());
        m.put("ports", s.ports().stream().map(EngineJson::port).toList());
        return m;
    }

    private static Map<String, Object> port(PortBinding p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host_ip", p.hostIp());
        m.put("host_port", p.hostPort());
        m.put("container_port", p.containerPort());
        m.put("protocol", p.protocol().name().toLowerCase(Locale.ROOT));
        return m;
    }

    /** {@code up}'s result: {@code {"stacks": {"iot": ...}}}, each stack as {@link #up(UpResult)}. */
    public static Map<String, Object> up(Map<StackId, UpResult> results) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        results.forEach((stack, r) -> stacks.put(stack.value(), up(r)));
        return Map.of("stacks", stacks);
    }

    /**
     * One stack's {@code up}: {@code created}, {@code recreated}, {@code started}, {@code unchanged},
     * {@code scaled_down} (service names) and {@code elapsed_ms}.
     */
    public static Map<String, Object> up(UpResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created", r.created());
        m.put("recreated", r.recreated());
        m.put("started", r.started());
        m.put("unchanged", r.unchanged());
        m.put("scaled_down", r.scaledDown());
        m.put("elapsed_ms", r.elapsed().toMillis());
        return m;
    }

    /** {@code down}'s result: {@code {"stacks": {"iot": ...}}}, each stack as {@link #down(DownResult)}. */
    public static Map<String, Object> down(Map<StackId, DownResult> results) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        results.forEach((stack, r) -> stacks.put(stack.value(), down(r)));
        return Map.of("stacks", stacks);
    }

    /** One stack's {@code down}: the names of the removed {@code containers}, {@code networks}, {@code volumes}. */
    public static Map<String, Object> down(DownResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("containers", r.containers());
        m.put("networks", r.networks());
        m.put("volumes", r.volumes());
        return m;
    }

    /**
     * One line of a service's output: {@code service}, {@code stream} ({@code stdout}, {@code stderr}),
     * {@code time} (ISO-8601, or null when the engine gave no timestamp), {@code text}.
     */
    public static Map<String, Object> log(String service, LogLine line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", service);
        m.put("stream", line.stream().name().toLowerCase(Locale.ROOT));
        m.put("time", line.timestamp().equals(Instant.EPOCH) ? null : line.timestamp().toString());
        m.put("text", line.text());
        return m;
    }
}
