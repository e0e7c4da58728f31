package io.p4n4.core.project;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.LegacyManifest;
import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.ManifestDocument;
import io.p4n4.api.project.StackDefinition;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.core.manifest.Manifests;
import io.p4n4.core.validate.ProjectValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One p4n4 project on disk, as it was when opened: its directory, manifest and layout. Operations
 * that change the project ({@link #add}, {@link #remove}, {@link #migrate}) return a fresh
 * {@code Project}. Immutable and thread-safe; concurrent writers to the same directory are not
 * coordinated.
 */
public final class Project {
    /** The root {@code .env} of p4n4-lib projects. */
    public static final String ENV_FILE = ".env";
    /** The committed example next to it. */
    public static final String ENV_EXAMPLE_FILE = ".env.example";
    /** The folder holding one folder per stack. */
    public static final String STACKS_DIR = "stacks";

    private final Path directory;
    private final ManifestDocument manifest;
    private final ProjectContext services;

    Project(Path directory, ManifestDocument manifest, ProjectContext services) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.services = services;
    }

    /** Returns the definition of {@code stack} (its services, variables, readiness gate); USER error when unknown. */
    public StackDefinition stackDefinition(StackId stack) {
        return services.stacks().get(stack);
    }

    /** Returns the project directory (the one holding {@code .p4n4.json}). */
    public Path directory() {
        return directory;
    }

    /** Returns the manifest file. */
    public Path manifestFile() {
        return directory.resolve(Manifests.FILE_NAME);
    }

    /** Returns the manifest as read: manifest-v1 or legacy. */
    public ManifestDocument manifest() {
        return manifest;
    }

    /** Returns the project name. */
    public String name() {
        return manifest.name();
    }

    /** Returns the known stacks of the project, in canonical order. */
    public List<StackId> stacks() {
        return manifest.stacks();
    }

    /** Returns where the project keeps its stacks' files. */
    public ProjectLayout layout() {
        return layoutOf(directory, manifest);
    }

    /**
     * The layout follows the files, not the manifest format: a migrated upstream project keeps its
     * upstream layout (and is validated by upstream rules) until its files are moved.
     */
    static ProjectLayout layoutOf(Path directory, ManifestDocument manifest) {
        if (Files.isDirectory(directory.resolve(STACKS_DIR))) {
            return ProjectLayout.STACKS;
        }
        if (Files.exists(directory.resolve(StackDefinition.COMPOSE_FILE))) {
            return ProjectLayout.LEGACY_FLAT;
        }
        for (StackId id : manifest.stacks()) {
            if (Files.exists(directory.resolve(id.value()).resolve(StackDefinition.COMPOSE_FILE))) {
                return ProjectLayout.LEGACY_PER_STACK;
            }
        }
        if (!manifest.legacy()) {
            return ProjectLayout.STACKS;
        }
        return manifest.stacks().size() > 1 ? ProjectLayout.LEGACY_PER_STACK : ProjectLayout.LEGACY_FLAT;
    }

    /** Returns the folder of {@code stack}'s files (whether or not it exists). */
    public Path stackDirectory(StackId stack) {
        return switch (layout()) {
            case STACKS -> directory.resolve(STACKS_DIR).resolve(stack.value());
            case LEGACY_FLAT -> directory;
            case LEGACY_PER_STACK -> directory.resolve(stack.value());
        };
    }

    /** Returns the compose file of {@code stack}. */
    public Path composeFile(StackId stack) {
        return stackDirectory(stack).resolve(StackDefinition.COMPOSE_FILE);
    }

    /** Returns the {@code .env} holding {@code stack}'s values. */
    public Path envFile(StackId stack) {
        return layout() == ProjectLayout.LEGACY_PER_STACK ? stackDirectory(stack).resolve(ENV_FILE)
                : directory.resolve(ENV_FILE);
    }

    /** Returns the project's single {@code .env}; USER error for upstream projects with one per stack. */
    public Path envFile() {
        if (layout() == ProjectLayout.LEGACY_PER_STACK) {
            throw new P4n4Exception(ErrorCode.USER, "project " + directory + " keeps one .env per stack"
                    + " (upstream layout); edit each stack's .env, or create a new project with p4n4 init");
        }
        return directory.resolve(ENV_FILE);
    }

    /** Returns the manifest-v1; USER error for a legacy manifest, saying how to migrate. */
    public Manifest v1Manifest() {
        if (manifest instanceof Manifest m) {
            return m;
        }
        throw new P4n4Exception(ErrorCode.USER, manifestFile() + " is in the legacy format of the upstream"
                + " Python tools; migrate it first with `p4n4 migrate` (Project.migrate())");
    }

    /**
     * Adds {@code stack}: writes its files that do not exist yet, appends its variables missing from
     * {@code .env} (existing values are never changed), refreshes {@code .env.example} and records the
     * stack in the manifest. Idempotent. For a stack already in the manifest it restores the stack's missing
     * files, as {@link #restoreMissingFiles(StackId)} does.
     *
     * @return the project after the change (this one when the stack was already in the manifest)
     */
    public Project add(StackId stack) {
        Manifest m = v1Manifest();
        requireStacksLayout("add");
        services.stacks().get(stack);
        if (m.hasStack(stack)) {
            restoreMissingFiles(stack);
            return this;
        }
        Manifest updated = m.withStack(stack);
        ProjectWriter writer = new ProjectWriter(directory, services);
        writer.addStack(updated, stack);
        Manifests.write(manifestFile(), updated);
        return new Project(directory, updated, services);
    }

    /**
     * Writes the files of {@code stack}, a stack of this project, that are missing (what {@code validate} reports
     * as missing), and appends its variables missing from {@code .env}. Files that exist are never changed,
     * whatever they hold.
     *
     * @return the files written, empty when nothing was missing
     * @throws P4n4Exception USER when the stack is not in the manifest (add it instead)
     */
    public List<Path> restoreMissingFiles(StackId stack) {
        Manifest m = v1Manifest();
        requireStacksLayout("restore");
        services.stacks().get(stack);
        if (!m.hasStack(stack)) {
            throw new P4n4Exception(ErrorCode.USER, "stack " + stack + " is not in " + manifestFile()
                    + "; add it with p4n4 add " + stack + " (Project.add)");
        }
        return new ProjectWriter(directory, services).addStack(m, stack);
    }

    /**
     * Removes {@code stack} from the manifest and refreshes {@code .env.example}. The stack's folder
     * and its {@code .env} values are kept (they may hold your changes and data settings); delete the
     * folder yourself if you no longer want it. Idempotent.
     *
     * @return the project after the change (this one if nothing changed)
     */
    public Project remove(StackId stack) {
        Manifest m = v1Manifest();
        requireStacksLayout("remove");
        if (!m.hasStack(stack)) {
            return this;
        }
        Manifest updated = m.withoutStack(stack);
        new ProjectWriter(directory, services).writeEnvExample(updated);
        Manifests.write(manifestFile(), updated);
        return new Project(directory, updated, services);
    }

    /**
     * Rewrites a legacy manifest as manifest-v1 (project name, known layers as stacks, creation time;
     * {@code cli_version} = this library's version). Only the manifest changes; the stack files stay
     * where they are, so the project keeps its upstream layout and upstream validation rules. Does
     * nothing for a manifest-v1 project.
     */
    public Project migrate() {
        if (!(manifest instanceof LegacyManifest legacy)) {
            return this;
        }
        Manifest migrated = Manifests.migrate(legacy, services.cliVersion());
        Manifests.write(manifestFile(), migrated);
        return new Project(directory, migrated, services);
    }

    private void requireStacksLayout(String operation) {
        if (layout() != ProjectLayout.STACKS) {
            throw new P4n4Exception(ErrorCode.USER, "cannot " + operation + " stacks in " + directory
                    + ": it has the upstream layout (" + layout() + "); create a new project with p4n4 init"
                    + " and copy your changes over");
        }
    }

    /** Validates the project; never throws for problems in the project, they are in the report. */
    public ValidationReport validate() {
        return ProjectValidator.of(services.stacks(), services.environment()).validate(directory);
    }

    /** Returns the project's secrets: show, generate, plan and apply rotation. */
    public SecretManager secrets() {
        return new SecretManager(this, services);
    }

    @Override
    public String toString() {
        return "Project[" + directory + ", " + manifest.name() + ", stacks=" + stacks() + "]";
    }
}
