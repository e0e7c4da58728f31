package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.engine.PortBinding;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.compose.exec.ImageChange;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.compose.exec.UpgradeResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code --json} shapes of {@code up}, {@code down}, {@code status} and {@code logs} (docs/cli-json.md). */
final class RunJson {
    private RunJson() {
    }

    /** {@code up}'s last line: what happened to each stack's services. */
    static Map<String, Object> up(ContainerEngine engine, Map<StackId, UpResult> results) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        results.forEach((stack, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("created", r.created());
            m.put("recreated", r.recreated());
            m.put("started", r.started());
            m.put("unchanged", r.unchanged());
            m.put("scaled_down", r.scaledDown());
            m.put("elapsed_ms", r.elapsed().toMillis());
            stacks.put(stack.value(), m);
        });
        return result(engine, stacks);
    }

    /** {@code pull}'s last line: the images pulled per stack. */
    static Map<String, Object> pull(ContainerEngine engine, Map<StackId, List<String>> pulled) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        pulled.forEach((stack, images) -> stacks.put(stack.value(), Map.of("pulled", images)));
        return result(engine, stacks);
    }

    /** {@code upgrade}'s last line: per stack, the images that changed and the services recreated. */
    static Map<String, Object> upgrade(ContainerEngine engine, Map<StackId, UpgradeResult> results) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        results.forEach((stack, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("changed", r.changed().stream().map(RunJson::change).toList());
            m.put("recreated", r.up().recreated());
            stacks.put(stack.value(), m);
        });
        return result(engine, stacks);
    }

    private static Map<String, Object> change(ImageChange c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", c.service());
        m.put("image", c.image());
        m.put("old_image_id", c.oldImageId());
        m.put("new_image_id", c.newImageId());
        return m;
    }

    /** {@code down}'s last line: what was removed per stack. */
    static Map<String, Object> down(ContainerEngine engine, Map<StackId, DownResult> results) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        results.forEach((stack, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("containers", r.containers());
            m.put("networks", r.networks());
            m.put("volumes", r.volumes());
            stacks.put(stack.value(), m);
        });
        return result(engine, stacks);
    }

    /** {@code status}: every stack's containers (an empty list for a stack that is not running). */
    static Map<String, Object> status(ContainerEngine engine, Map<StackId, List<ServiceStatus>> all) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        all.forEach((stack, list) -> stacks.put(stack.value(), list.stream().map(RunJson::service).toList()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine.id());
        m.put("endpoint", engine.endpoint().toString());
        m.put("stacks", stacks);
        return m;
    }

    /** One line of {@code logs}. */
    static Map<String, Object> log(String service, LogLine line) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", service);
        m.put("stream", line.stream().name().toLowerCase(Locale.ROOT));
        m.put("time", line.timestamp().equals(Instant.EPOCH) ? null : line.timestamp().toString());
        m.put("text", line.text());
        return m;
    }

    private static Map<String, Object> result(ContainerEngine engine, Map<String, Object> stacks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "result");
        m.put("engine", engine.id());
        m.put("endpoint", engine.endpoint().toString());
        m.put("stacks", stacks);
        return m;
    }

    private static Map<String, Object> service(ServiceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", s.service());
        m.put("container", s.container());
        m.put("image", s.image());
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("health", s.health().name().toLowerCase(Locale.ROOT));
        m.put("exit_code", s.exitCode());
        m.put("ports", s.ports().stream().map(RunJson::port).toList());
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
}
