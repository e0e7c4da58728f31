package io.p4n4.cli.ei;

import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.core.edge.DeployResult;
import io.p4n4.core.edge.EdgeModel;
import io.p4n4.core.edge.RunnerStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code --json} shapes of the {@code ei} lifecycle commands (docs/cli-json.md). */
final class EiJson {
    private EiJson() {
    }

    /** {@code ei deploy}, {@code ei update}, {@code ei rollback}: the last line. */
    static Map<String, Object> deployed(ContainerEngine engine, DeployResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "result");
        m.put("engine", engine.id());
        m.put("model", r.model());
        m.put("previous", r.previous());
        m.put("kept_for_rollback", r.keptForRollback());
        m.put("container", r.container());
        return m;
    }

    /** {@code ei list}. */
    static Map<String, Object> list(String directory, String active, List<EdgeModel> models, String kept) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("directory", directory);
        m.put("active", active);
        m.put("kept_for_rollback", kept);
        m.put("models", models.stream().map(EiJson::model).toList());
        return m;
    }

    private static Map<String, Object> model(EdgeModel e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", e.fileName());
        m.put("size", e.size());
        m.put("last_modified", e.lastModified().toString());
        m.put("active", e.active());
        return m;
    }

    /** The runner container, as {@code ei status}, {@code ei info} and {@code ei run} print it. */
    static Map<String, Object> container(String engineId, RunnerStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engineId);
        m.put("container", s.container());
        m.put("image", s.image());
        m.put("state", s.state().name().toLowerCase(Locale.ROOT));
        m.put("health", s.health().name().toLowerCase(Locale.ROOT));
        m.put("url", s.findHttpUrl().orElse(null));
        m.put("mounted_model", s.mountedModel());
        m.put("mounted_model_problem", s.mountedModelProblem());
        m.put("configured_model", s.configuredModel());
        return m;
    }
}
