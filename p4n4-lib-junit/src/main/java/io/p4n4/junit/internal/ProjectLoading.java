package io.p4n4.junit.internal;

import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeSerializer;
import io.p4n4.compose.LoadOptions;
import io.p4n4.junit.ComposeSetup;
import java.nio.file.Path;
import java.util.Map;

/** Loads a setup's compose files under a project name, with the run's labels on everything. Stateless. */
public final class ProjectLoading {
    private ProjectLoading() {
    }

    /** The setup's project as compose reads it, under {@code projectName}. */
    public static ComposeProject load(ComposeSetup setup, String projectName) {
        return ComposeLoader.load(options(setup, projectName).build());
    }

    /** {@code project} loaded again with an override adding {@code labels} to every service, network and volume. */
    public static ComposeProject withLabels(ComposeSetup setup, ComposeProject project, Map<String, String> labels) {
        return ComposeLoader.load(options(setup, project.name()).source(LabelOverlay.of(project, labels)).build());
    }

    /** A hash of the loaded configuration and of the services brought up: what a reused project must match. */
    public static String configHash(ComposeSetup setup, ComposeProject project) {
        return ProjectNaming.sha256(ComposeSerializer.toJson(project) + "\nservices=" + setup.services())
                .substring(0, 16);
    }

    /** The project name for this setup: unique per run, or stable per owner and files when reused. */
    public static String projectName(ComposeSetup setup) {
        Path first = setup.files().get(0);
        return setup.reuse() ? ProjectNaming.reused(first, setup.owner() + " " + setup.files())
                : ProjectNaming.unique(first);
    }

    private static LoadOptions.Builder options(ComposeSetup setup, String projectName) {
        LoadOptions.Builder b = LoadOptions.builder().workingDirectory(setup.projectDirectory())
                .projectName(projectName);
        setup.files().forEach(b::file);
        setup.envFiles().forEach(b::envFile);
        if (!setup.profiles().isEmpty()) {
            b.profiles(setup.profiles());
        }
        return b;
    }
}
