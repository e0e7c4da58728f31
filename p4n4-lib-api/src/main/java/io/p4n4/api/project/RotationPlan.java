package io.p4n4.api.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code secret rotate} would change, for the caller to show and confirm before applying it.
 * Nothing is written until the plan is applied. Immutable and thread-safe; {@link #toString()} never
 * shows values.
 *
 * @param envFile the {@code .env} the plan applies to
 * @param changes the new values, one per variable (a cross-stack secret appears once)
 * @param skipped setup-only secrets left alone, by name
 * @param warnings what the caller must do by hand after applying (e.g. reset a service's admin token)
 */
public record RotationPlan(Path envFile, List<GeneratedSecret> changes, List<String> skipped,
        List<String> warnings) {

    /** Copies the lists. */
    public RotationPlan {
        Objects.requireNonNull(envFile, "envFile");
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }

    /** Returns true when there is nothing to rotate. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    @Override
    public String toString() {
        return "RotationPlan[" + envFile + ", rotate=" + changes.stream().map(GeneratedSecret::name).toList()
                + ", skipped=" + skipped + "]";
    }
}
