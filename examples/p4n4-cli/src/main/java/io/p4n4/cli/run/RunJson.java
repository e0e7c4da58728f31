package io.p4n4.cli.run;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.engine.LogLine;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.exec.DownResult;
import io.p4n4.compose.exec.ImageChange;
import io.p4n4.compose.exec.ServiceStatus;
import io.p4n4.compose.exec.UpResult;
import io.p4n4.compose.exec.UpgradeResult;
import io.p4n4.server.engine.EngineJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} shapes of {@code up}, {@code down}, {@code status} and {@code logs} (docs/cli-json.md). */
final class RunJson {
    private RunJson() {
    }

    /** {@code up}'s last line: what happened to each stack's services. */
    static Map<String, Object> up(ContainerEngine engine, Map<StackId, UpResult> results) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        results.forEach((stack, r) -> stacks.put(stack.value(), EngineJson.up(r)));
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
        results.forEach((stack, r) -> stacks.put(stack.value(), EngineJson.down(r)));
        return result(engine, stacks);
    }

    /** {@code status}: every stack's containers (an empty list for a stack that is not running). */
    static Map<String, Object> status(ContainerEngine engine, Map<StackId, List<ServiceStatus>> all) {
        Map<String, Object> stacks = new LinkedHashMap<>();
        all.forEach((stack, list) -> stacks.put(stack.value(), list.stream().map(EngineJson::service).toList()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine.id());
        m.put("endpoint", engine.endpoint().toString());
        m.put("stacks", stacks);
        return m;
    }

    /** One line of {@code logs}: the same as a {@code log} event of the server. */
    static Map<String, Object> log(String service, LogLine line) {
        return EngineJson.log(service, line);
    }

    private static Map<String, Object> result(ContainerEngine engine, Map<String, Object> stacks) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "result");
        m.put("engine", engine.id());
        m.put("endpoint", engine.endpoint().toString());
        m.put("stacks", stacks);
        return m;
    }
}
