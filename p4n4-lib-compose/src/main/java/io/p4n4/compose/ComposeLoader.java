package io.p4n4.compose;

import io.p4n4.compose.internal.ProjectLoader;
import io.p4n4.compose.internal.Trees;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads compose files like {@code docker compose config}, without any compose binary: YAML with
 * safe limits, validation against the official compose-spec JSON Schema, interpolation with
 * {@code .env} files and the environment, override files, {@code extends}, {@code include},
 * profiles, service {@code env_file}, normalization and reference checks.
 *
 * <pre>{@code
 * ComposeProject project = ComposeLoader.load(LoadOptions.builder()
 *         .file(Path.of("stacks/iot/docker-compose.yml"))
 *         .envFile(Path.of(".env"))
 *         .build());
 * project.service("mqtt").ports();
 * }</pre>
 *
 * <p>Errors: an invalid compose file (YAML, schema, bad values, undefined references, cycles) is a
 * {@link io.p4n4.api.P4n4Exception} with code ENGINE, an {@link io.p4n4.api.InvalidFileException}
 * with file, line and column where there is one; a required variable without a value is VALIDATION;
 * a missing file or a bad project name is USER.
 *
 * <p>Stateless and thread-safe.
 */
public final class ComposeLoader {
    private ComposeLoader() {
    }

    /** Loads the project the options describe. */
    public static ComposeProject load(LoadOptions options) {
        ProjectLoader.Loaded loaded = ProjectLoader.load(options);
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) Trees.freeze(loaded.tree());
        return new ComposeProject(loaded.name(), loaded.workingDirectory(), loaded.composeFiles(),
                loaded.environment(), model, loaded.order());
    }

    /** Loads these files with every other option at its default (process environment, {@code .env}). */
    public static ComposeProject load(Path... files) {
        return load(LoadOptions.of(files));
    }
}
