package io.p4n4.junit.internal;

import io.p4n4.compose.ComposeProject;
import io.p4n4.junit.ComposeSetup;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A setup's project as it is brought up: loaded with the run's labels on everything, plus the configuration
 * hash a reused project must match (empty when the setup does not reuse).
 *
 * @param project the project with its labels
 * @param configHash the hash of the configuration, or empty without reuse
 */
public record LoadedProject(ComposeProject project, String configHash) {

    /**
     * Starts loading {@code setup}'s project on a thread of its own. Loading needs no engine, and in a JVM's
     * first start (YAML, schema and interpolation classes) it costs about as much as connecting to the engine,
     * so the two run at once. The thread inherits the caller's context class loader.
     */
    public static CompletableFuture<LoadedProject> loadInBackground(ComposeSetup setup) {
        return CompletableFuture.supplyAsync(() -> load(setup), task -> {
            Thread t = new Thread(task, "p4n4-compose-load");
            t.setDaemon(true);
            t.start();
        });
    }

    /** The loaded project; a failed load throws its own exception, as if loaded on the calling thread. */
    public static LoadedProject await(CompletableFuture<LoadedProject> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Loads {@code setup}'s project and labels it: reuse labels and hash, or this run's label. */
    static LoadedProject load(ComposeSetup setup) {
        ComposeProject plain = ProjectLoading.load(setup, ProjectLoading.projectName(setup));
        if (setup.reuse()) {
            String hash = ProjectLoading.configHash(setup, plain);
            return new LoadedProject(ProjectLoading.withLabels(setup, plain, Map.of(RunLabels.REUSE, plain.name(),
                    RunLabels.CONFIG_HASH, hash)), hash);
        }
        // the hash only names a reused project's configuration: not computed for a thrown-away one
        return new LoadedProject(ProjectLoading.withLabels(setup, plain, Map.of(RunLabels.RUN,
                RunIdentity.current().value())), "");
    }
}
