package io.p4n4.core.scaffold;

import io.p4n4.api.project.StackId;
import io.p4n4.api.project.VariableDefinition;
import java.util.List;
import java.util.Map;

/**
 * The text of a project's root files: {@code .env} (real values), {@code .env.example} (placeholders,
 * committed) and {@code .gitignore}. Values p4n4 writes never need quoting (generated secrets are
 * base64url or hex; defaults are plain words). Stateless and thread-safe.
 */
public final class ProjectFiles {
    /** The placeholder {@code .env.example} shows for a generated secret. */
    public static final String PLACEHOLDER = "change-me";

    private ProjectFiles() {
    }

    /** Returns the {@code .env} text for {@code variables} with {@code values} (missing = empty). */
    public static String env(String projectName, List<VariableDefinition> variables, Map<String, String> values) {
        StringBuilder sb = new StringBuilder()
                .append("# ").append(projectName).append(": settings and secrets of every stack.\n")
                .append("# Keep this file private (mode 0600, git-ignored). Show secrets masked with\n")
                .append("# `p4n4 secret show`; renew them with `p4n4 secret rotate`.\n");
        appendSections(sb, variables, v -> values.getOrDefault(v.name(), ""));
        return sb.toString();
    }

    /** Returns the {@code .env.example} text: every variable, placeholder values, no secrets. */
    public static String envExample(String projectName, List<VariableDefinition> variables) {
        StringBuilder sb = new StringBuilder()
                .append("# ").append(projectName).append(": every variable the stacks use, with placeholders.\n")
                .append("# Commit this file. The real values live in .env (made by `p4n4 init`).\n");
        appendSections(sb, variables, v -> v.kind().generated() ? PLACEHOLDER : v.defaultValue());
        return sb.toString();
    }

    /** Returns the lines {@link #env} would add for {@code variables} to an existing file. */
    public static String envAppendix(StackId stack, List<VariableDefinition> variables, Map<String, String> values) {
        StringBuilder sb = new StringBuilder("\n# --- added with stack ").append(stack).append(" ---\n");
        for (VariableDefinition v : variables) {
            appendVariable(sb, v, values.getOrDefault(v.name(), ""));
        }
        return sb.toString();
    }

    /** Returns the {@code .gitignore} text. */
    public static String gitignore() {
        return "# secrets: never commit\n.env\n\n# Edge Impulse model binaries are deployed, not committed\n*.eim\n";
    }

    private static void appendSections(StringBuilder sb, List<VariableDefinition> variables,
            java.util.function.Function<VariableDefinition, String> value) {
        StackId current = null;
        for (VariableDefinition v : variables) {
            if (!v.owner().equals(current)) {
                current = v.owner();
                sb.append("\n# --- stack ").append(current).append(" ---\n");
            }
            appendVariable(sb, v, value.apply(v));
        }
    }

    private static void appendVariable(StringBuilder sb, VariableDefinition v, String value) {
        sb.append("# ").append(v.description());
        if (v.crossStack()) {
            sb.append(" (shared by several stacks)");
        }
        if (v.setupOnly()) {
            sb.append(" (read at first start only)");
        }
        sb.append('\n').append(v.name()).append('=').append(value).append('\n');
    }
}
