package io.p4n4.compose;

import com.fasterxml.jackson.databind.JsonNode;
import io.p4n4.compose.internal.ModelJson;

/**
 * Writes a {@link ComposeProject} as {@code docker compose config} does: {@code name}, then
 * {@code services}, {@code networks}, {@code volumes}, {@code configs}, {@code secrets}; map keys
 * sorted; ports and volumes in long syntax. Text output writes every {@code $} as {@code $$}, so
 * it can be loaded again without a second interpolation. Stateless and thread-safe.
 */
public final class ComposeSerializer {
    private ComposeSerializer() {
    }

    /** Returns canonical YAML. */
    public static String toYaml(ComposeProject project) {
        return ModelJson.yaml(project.model());
    }

    /** Returns canonical, pretty-printed JSON. */
    public static String toJson(ComposeProject project) {
        return ModelJson.json(project.model());
    }

    /** Returns the model as a Jackson tree, values as loaded ({@code $} not escaped). */
    public static JsonNode toJsonTree(ComposeProject project) {
        return ModelJson.toJsonTree(project.model(), false);
    }
}
