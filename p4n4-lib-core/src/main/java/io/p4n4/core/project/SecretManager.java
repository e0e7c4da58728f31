package io.p4n4.core.project;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.GeneratedSecret;
import io.p4n4.api.project.RotationPlan;
import io.p4n4.api.project.SecretRow;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.VariableDefinition;
import io.p4n4.compose.env.DotEnv;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.core.manifest.internal.LegacyLayers;
import io.p4n4.core.project.internal.SetupOnlyHints;
import io.p4n4.core.secrets.Masking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets of one project. {@link #show()} never returns values; {@link #generate()} writes
 * nothing; {@link #planRotation()} writes nothing either, and {@link #apply(RotationPlan)}
 * writes the plan's values into {@code .env}, keeping comments, order and every other key. Immutable
 * and thread-safe.
 */
public final class SecretManager {
    private final Project project;
    private final ProjectContext services;

    SecretManager(Project project, ProjectContext services) {
        this.project = project;
        this.services = services;
    }

    /** Returns the secret variables of the project's stacks, each once. */
    public List<VariableDefinition> definitions() {
        if (project.layout() != ProjectLayout.STACKS) {
            return LegacyLayers.SECRETS.stream().filter(v -> project.stacks().contains(v.owner())).toList();
        }
        return services.stacks().variables(project.stacks()).stream().filter(v -> v.kind().secret()).toList();
    }

    /** Returns one masked row per secret: name, {@code ****}/(empty)/(missing), stack, cross-stack flag. */
    public List<SecretRow> show() {
        Map<Path, Map<String, String>> envs = new HashMap<>();
        List<SecretRow> rows = new ArrayList<>();
        for (VariableDefinition v : definitions()) {
            Path env = project.envFile(v.owner());
            Map<String, String> values = envs.computeIfAbsent(env, this::readValues);
            rows.add(new SecretRow(v.name(), Masking.mask(values.get(v.name())), v.owner(), v.crossStack(),
                    v.kind(), v.setupOnly()));
        }
        return rows;
    }

    private Map<String, String> readValues(Path env) {
        return Files.exists(env) ? DotEnv.read(env, services.environment()) : Map.of();
    }

    /** Returns fresh values for every generated secret of the project; writes nothing. */
    public List<GeneratedSecret> generate() {
        return definitions().stream().filter(v -> v.kind().generated()).map(services.secrets()::generate).toList();
    }

    /**
     * Plans a rotation of the project's generated secrets, skipping the setup-only ones (services keep the
     * value from their first start); the plan's warnings name them. A cross-stack secret gets one new value.
     */
    public RotationPlan planRotation() {
        return plan(false);
    }

    /**
     * Plans a rotation of every generated secret, setup-only ones included; the plan's warnings name what
     * must then be reset by hand in the services.
     */
    public RotationPlan planRotationIncludingSetupOnly() {
        return plan(true);
    }

    private RotationPlan plan(boolean includeSetupOnly) {
        Path env = project.envFile();
        List<GeneratedSecret> changes = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (VariableDefinition v : definitions()) {
            if (!v.kind().generated()) {
                continue;
            }
            if (v.setupOnly() && !includeSetupOnly) {
                skipped.add(v.name());
                continue;
            }
            changes.add(services.secrets().generate(v));
            if (v.setupOnly()) {
                warnings.add(v.name() + ": " + SetupOnlyHints.forVariable(v.name()));
            }
        }
        if (!skipped.isEmpty()) {
            warnings.add("kept setup-only secrets " + String.join(", ", skipped)
                    + " (services keep their first value); rotate them with --include-setup and reset them"
                    + " in the services");
        }
        if (!changes.isEmpty()) {
            warnings.add("restart the stacks using the rotated secrets (p4n4 down && p4n4 up) to apply them");
        }
        return new RotationPlan(env, changes, skipped, warnings);
    }

    /**
     * Writes the plan's values into {@code .env}: only those keys change (missing ones are appended);
     * comments, blank lines, order and other keys stay exactly as they were. The file stays 0600.
     */
    public void apply(RotationPlan plan) {
        Path env = project.envFile();
        if (!plan.envFile().toAbsolutePath().normalize().equals(env.toAbsolutePath().normalize())) {
            throw new P4n4Exception(ErrorCode.USER, "the rotation plan is for " + plan.envFile()
                    + ", not for this project's " + env + "; plan again for this project");
        }
        Map<String, String> values = new LinkedHashMap<>();
        plan.changes().forEach(s -> values.put(s.name(), s.value()));
        EnvFile.read(env).withAll(values).write(env);
    }

    /** Returns the stacks the project's secrets belong to. */
    public List<StackId> stacks() {
        return project.stacks();
    }
}
