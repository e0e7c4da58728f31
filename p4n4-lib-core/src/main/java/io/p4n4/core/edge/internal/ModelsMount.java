package io.p4n4.core.edge.internal;

import io.p4n4.api.project.StackId;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import io.p4n4.core.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the edge stack's models folder from its compose file. */
public final class ModelsMount {
    /** The runner's service in the edge stack's compose file. */
    private static final String SERVICE = "ei-runner";

    private ModelsMount() {
    }

    /**
     * The host folder the compose file mounts at {@code /models} in {@code ei-runner} ({@code ./models} in the
     * bundled stack, {@code ./edge-impulse/models} in upstream p4n4-edge projects); the stack's {@code models/}
     * when there is no compose file yet or it mounts none.
     */
    public static Path directory(Project project) {
        Path fallback = project.stackDirectory(StackId.EDGE).resolve("models");
        Path compose = project.composeFile(StackId.EDGE);
        if (!Files.isRegularFile(compose)) {
            return fallback;
        }
        LoadOptions.Builder options = LoadOptions.builder().file(compose)
                .workingDirectory(project.stackDirectory(StackId.EDGE)).validateSchema(false);
        if (Files.isRegularFile(project.envFile(StackId.EDGE))) {
            options.envFile(project.envFile(StackId.EDGE));
        }
        ComposeProject loaded = ComposeLoader.load(options.build());
        return java.util.Optional.ofNullable(loaded.services().get(SERVICE)).stream()
                .flatMap(s -> s.volumes().stream())
                .filter(v -> v.type().equals("bind") && v.target().equals("/models") && v.findSource().isPresent())
                .map(v -> project.stackDirectory(StackId.EDGE).resolve(v.findSource().get()).normalize())
                .findFirst().orElse(fallback);
    }
}
