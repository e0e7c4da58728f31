package io.p4n4.junit.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeNetwork;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeService;
import io.p4n4.compose.LoadOptions;
import io.p4n4.compose.ServicePort;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A bundled stack scaffolded with p4n4-lib-core into a directory, plus an override file that makes it safe to
 * run beside others: container ports published on free host ports, and the shared network {@code p4n4-net}
 * made the project's own (a name of its own, no fixed subnet, not external). Stateless.
 *
 * @param projectDirectory the scaffolded p4n4 project
 * @param composeFile      the stack's compose file
 * @param overrideFile     the override written beside it
 * @param envFile          the project's root {@code .env} (its secrets)
 */
public record StackScaffold(Path projectDirectory, Path composeFile, Path overrideFile, Path envFile) {
    /** The override's file name, beside the stack's compose file. */
    static final String OVERRIDE = "p4n4-junit.override.yml";

    /** Scaffolds {@code stack} into {@code dir} (which must be empty or absent). */
    public static StackScaffold create(StackId stack, Path dir) {
        Project project = P4n4.projects().init(InitOptions.of(dir, List.of(stack)));
        Path compose = project.composeFile(stack);
        Path env = project.envFile();
        ComposeProject model = ComposeLoader.load(LoadOptions.builder().file(compose).envFile(env).build());
        Path override = compose.resolveSibling(OVERRIDE);
        try {
            Files.writeString(override, override(model), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot write " + override + ": " + e.getMessage(), e);
        }
        return new StackScaffold(project.directory(), compose, override, env);
    }

    private static String override(ComposeProject model) {
        StringBuilder y = new StringBuilder("# written by p4n4-lib-junit: free host ports, a network of its own\n");
        y.append("services:\n");
        for (ComposeService s : model.services().values()) {
            if (s.ports().isEmpty()) {
                continue;
            }
            y.append("  ").append(s.name()).append(":\n    ports: !override\n");
            for (ServicePort p : s.ports()) {
                y.append("      - \"").append(p.target()).append('/').append(p.protocol()).append("\"\n");
            }
        }
        StringBuilder networks = new StringBuilder();
        for (ComposeNetwork n : model.networks().values()) {
            if (n.key().equals("default")) {
                continue;
            }
            networks.append("  ").append(n.key()).append(":\n")
                    .append("    name: ").append(n.key()).append('-').append(UUID.randomUUID().toString(), 0, 8)
                    .append("\n    external: false\n    ipam: !reset null\n");
        }
        if (networks.length() > 0) {
            y.append("networks:\n").append(networks);
        }
        return y.toString();
    }
}
