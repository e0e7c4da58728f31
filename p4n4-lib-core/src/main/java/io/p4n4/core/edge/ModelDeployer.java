package io.p4n4.core.edge;

import io.p4n4.compose.exec.UpOptions;
import io.p4n4.compose.exec.UpResult;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Deploys Edge Impulse models to a running edge stack: copies the {@code .eim} into {@code models/}, names it
 * in {@code EI_MODEL_FILE} and recreates the runner through the engine API so it loads it.
 *
 * <pre>{@code
 * try (ContainerEngine engine = EngineDiscovery.builder().build().connect()) {
 *     Platform platform = Platform.create(engine, P4n4.projects().open(Path.of(".")));
 *     DeployResult r = ModelDeployer.of(EdgeRunner.of(platform)).update(Path.of("vibration-v2.eim"), UpOptions.defaults());
 *     // later, if v2 misbehaves:
 *     ModelDeployer.of(EdgeRunner.of(platform)).rollback(UpOptions.defaults());
 * }
 * }</pre>
 *
 * <p>Everything is checked before anything changes: a missing, non-{@code .eim} or non-executable file is a
 * VALIDATION error and a runner that is not running a NETWORK error, with the files, {@code .env} and the
 * container untouched. Thread-safe; concurrent deployments to one project are not coordinated.
 */
public final class ModelDeployer {
    private final EdgeRunner runner;
    private final EdgeModels models;

    private ModelDeployer(EdgeRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.models = runner.models();
    }

    /** A deployer on {@code runner}. */
    public static ModelDeployer of(EdgeRunner runner) {
        return new ModelDeployer(runner);
    }

    /**
     * {@code p4n4 ei deploy}: makes {@code model} the active model and restarts the runner; the model it replaces
     * stays in {@code models/} (under its own name) but is not kept for {@link #rollback}.
     *
     * @throws io.p4n4.api.P4n4Exception VALIDATION for a file that cannot be deployed; NETWORK when the edge
     *     stack is not running; nothing is changed then
     */
    public DeployResult deploy(Path model, UpOptions options) {
        return apply(model, false, options);
    }

    /**
     * {@code p4n4 ei update}: as {@link #deploy}, keeping a copy of the model it replaces in
     * {@code models/.previous/} (replacing the one kept before) for {@link #rollback}, also when the new file has
     * the same name as the old.
     */
    public DeployResult update(Path model, UpOptions options) {
        return apply(model, true, options);
    }

    /**
     * {@code p4n4 ei rollback}: swaps the kept model and the active one (so a second rollback rolls forward),
     * names it in {@code EI_MODEL_FILE} and restarts the runner.
     *
     * @throws io.p4n4.api.P4n4Exception USER when no model is kept; NETWORK when the edge stack is not running
     */
    public DeployResult rollback(UpOptions options) {
        if (models.findKeptForRollback().isEmpty()) {
            throw models.nothingKept();
        }
        runner.requireRunning();
        String previous = activeIfPresent();
        String restored = models.restoreKept();
        String container = restart(restored, options);
        return new DeployResult(restored, previous, models.findKeptForRollback().orElse(null), container);
    }

    /**
     * {@code p4n4 ei run}: brings the edge stack up with the model {@code EI_MODEL_FILE} names (see
     * {@link EdgeRunner#start}).
     */
    public UpResult start(UpOptions options) {
        return runner.start(options, false);
    }

    /**
     * {@code p4n4 ei run --model FILE.eim}: makes {@code model} the active model, then brings the edge stack up,
     * recreating a running runner so it loads the model. The file and the engine's pre-flight checks (the
     * {@code p4n4-net} network, the engine version) are checked before any file changes.
     *
     * @throws io.p4n4.api.P4n4Exception VALIDATION for a file that cannot be deployed; the pre-flight errors
     *     (NETWORK, ENGINE, COMPATIBILITY); nothing is changed then
     */
    public UpResult start(Path model, UpOptions options) {
        Path source = models.resolve(model.toString());
        runner.preflight();
        models.activate(models.install(source));
        return runner.start(options, true);
    }

    private DeployResult apply(Path model, boolean keep, UpOptions options) {
        Path source = models.resolve(model.toString());
        runner.requireRunning();
        String previous = activeIfPresent();
        Optional<String> kept = keep ? models.keepActiveForRollback() : Optional.empty();
        String name = models.install(source);
        models.activate(name);
        return new DeployResult(name, previous, kept.orElse(null), restart(name, options));
    }

    /** Recreates the runner; when that fails, the error says the model is active on disk already. */
    private String restart(String model, UpOptions options) {
        try {
            return runner.restart(options);
        } catch (io.p4n4.api.P4n4Exception e) {
            throw new io.p4n4.api.P4n4Exception(e.code(), model + " is in models/ and named in EI_MODEL_FILE, but the"
                    + " runner could not be recreated: " + e.getMessage() + "; fix that and run p4n4 ei run", e);
        }
    }

    private @org.jspecify.annotations.Nullable String activeIfPresent() {
        String active = models.activeFileName();
        return java.nio.file.Files.isRegularFile(models.directory().resolve(active)) ? active : null;
    }
}
