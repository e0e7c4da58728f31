package io.p4n4.api.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A manifest written by the upstream Python tools:
 * {@code {"schema_version": 1, "project": ..., "layers": [...], "created_at": ...}}. p4n4-lib reads it
 * as it is and migrates it to {@link Manifest} only when asked. Immutable and thread-safe.
 *
 * @param schemaVersion the {@code schema_version} value (1 for every known upstream release)
 * @param project the project name
 * @param layers the {@code layers} list exactly as written (may hold unknown names or duplicates)
 * @param createdAt the {@code created_at} text, or {@code null}
 */
public record LegacyManifest(int schemaVersion, String project, List<String> layers, @Nullable String createdAt)
        implements ManifestDocument {

    /** Copies the list. */
    public LegacyManifest {
        Objects.requireNonNull(project, "project");
        layers = List.copyOf(layers);
    }

    @Override
    public String name() {
        return project;
    }

    /** Returns the layers that name a valid stack id, unique, in canonical order. */
    @Override
    public List<StackId> stacks() {
        TreeSet<StackId> ids = new TreeSet<>(StackId.CANONICAL_ORDER);
        for (String layer : layers) {
            if (StackId.bundled().stream().anyMatch(s -> s.value().equals(layer))) {
                ids.add(StackId.of(layer));
            }
        }
        return List.copyOf(new ArrayList<>(ids));
    }

    @Override
    public boolean legacy() {
        return true;
    }
}
