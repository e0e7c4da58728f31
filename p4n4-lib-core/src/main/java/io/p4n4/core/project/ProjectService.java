package io.p4n4.core.project;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.GeneratedSecret;
import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.ManifestDocument;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.api.project.VariableDefinition;
import io.p4n4.core.manifest.Manifests;
import io.p4n4.core.secrets.SecretGenerator;
import io.p4n4.core.stack.StackRegistry;
import io.p4n4.core.validate.ProjectValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, opens, creates and validates p4n4 projects. Get one from {@link io.p4n4.core.P4n4#projects()}.
 * Immutable and thread-safe.
 */
public final class ProjectService {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectService.class);

    private final ProjectContext services;

    private ProjectService(ProjectContext services) {
        this.services = services;
    }

    /**
     * Creates the service. Internal: users get it from {@link io.p4n4.core.P4n4#projects()} or
     * {@link io.p4n4.core.P4n4#projectService()}, the one way to build it.
     *
     * @param cliVersion the version recorded as {@code cli_version} in new manifests ({@code x.y.z})
     * @param environment the process environment, used to expand {@code ${VAR}} inside {@code .env}
     */
    @API(status = API.Status.INTERNAL, consumers = "io.p4n4.core")
    public static ProjectService create(StackRegistry stacks, SecretGenerator secrets, String cliVersion,
            Function<String, @Nullable String> environment) {
        return new ProjectService(ProjectContext.of(stacks, secrets, cliVersion, environment));
    }

    /** Returns the stacks this service knows. */
    public StackRegistry stacks() {
        return services.stacks();
    }

    /** Finds the project containing {@code start} (walking up), if any. */
    public Optional<Project> find(Path start) {
        return Manifests.findFile(start).map(this::openManifest);
    }

    /** Opens the project containing {@code start}; USER error when there is none. */
    public Project open(Path start) {
        return find(start).orElseThrow(() -> new P4n4Exception(ErrorCode.USER, "no " + Manifests.FILE_NAME
                + " found in " + start.toAbsolutePath().normalize() + " or any parent directory; run"
                + " `p4n4 init [PATH]` to create a project, or pass --project <dir>"));
    }

    private Project openManifest(Path file) {
        ManifestDocument manifest = Manifests.read(file);
        return new Project(file.getParent(), manifest, services);
    }

    /**
     * Creates a project: the stacks' files, {@code .env} with generated secrets (mode 0600),
     * {@code .env.example}, {@code .gitignore}, and {@code .p4n4.json} last. A non-empty directory is
     * refused unless {@link InitOptions#force()}. If anything fails, every file and folder this call
     * created is removed again.
     */
    public Project init(InitOptions options) {
        if (options.stacks().isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "choose at least one stack (known: " + String.join(", ",
                    stacks().all().stream().map(d -> d.id().value()).toList()) + ")");
        }
        options.stacks().forEach(services.stacks()::get);
        Path dir = options.directory();
        Set<Path> before = existingPaths(dir);
        if (!before.isEmpty() && !options.force()) {
            throw new P4n4Exception(ErrorCode.USER, "directory " + dir + " is not empty; choose a new or"
                    + " empty directory, or pass --force to write into it (files p4n4 writes are replaced)");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new P4n4Exception(ErrorCode.USER, dir + " is a file, not a directory; choose another path");
        }
        boolean created = !Files.exists(dir);
        Manifest manifest = Manifest.builder(options.projectName(), services.cliVersion())
                .stacks(options.stacks()).build();
        // checks the manifest against the schema before anything is written
        Manifests.render(manifest);
        try {
            Files.createDirectories(dir);
            new ProjectWriter(dir, services).writeNew(manifest);
            Manifests.write(dir.resolve(Manifests.FILE_NAME), manifest);
        } catch (IOException | RuntimeException e) {
            rollback(dir, created, before);
            if (e instanceof P4n4Exception p) {
                throw p;
            }
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot create project in " + dir + ": " + e, e);
        }
        LOG.debug("created project {} in {} with stacks {}", manifest.name(), dir, manifest.stacks());
        return new Project(dir, manifest, services);
    }

    /** Returns fresh values for the generated secrets of {@code stacks}; writes nothing. */
    public List<GeneratedSecret> generateSecrets(List<StackId> stacks) {
        return services.stacks().variables(stacks).stream().filter(v -> v.kind().generated())
                .map(services.secrets()::generate).toList();
    }

    /** Returns the variables of {@code stacks}, each once, grouped by owning stack. */
    public List<VariableDefinition> variables(List<StackId> stacks) {
        return services.stacks().variables(stacks);
    }

    /**
     * Validates the project containing {@code start}. Never throws for problems of the project: a
     * missing or invalid manifest is a USER problem in the report.
     */
    public ValidationReport validate(Path start) {
        return ProjectValidator.of(services.stacks(), services.environment()).validate(start);
    }

    /**
     * Validates the project containing {@code start} and what {@code engine} must offer before its stacks start
     * (supported engine version, {@code p4n4-net}, no clash with other projects); see
     * {@link ProjectValidator#validate(Path, io.p4n4.api.engine.ContainerEngine)}. Creates nothing.
     */
    public ValidationReport validate(Path start, io.p4n4.api.engine.ContainerEngine engine) {
        return ProjectValidator.of(services.stacks(), services.environment()).validate(start, engine);
    }

    private static Set<Path> existingPaths(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<Path> paths = new HashSet<>();
            walk.filter(p -> !p.equals(dir)).forEach(paths::add);
            return paths;
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes what init created: the whole directory if it was new, else only the new paths. */
    private static void rollback(Path dir, boolean created, Set<Path> before) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if ((created || !before.contains(p)) && !(p.equals(dir) && !created)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not remove everything a failed init created in {}: {}", dir, e.getMessage());
        }
    }
}
