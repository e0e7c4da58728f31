package io.p4n4.core.edge;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.core.edge.internal.ModelFiles;
import io.p4n4.core.edge.internal.ModelsMount;
import io.p4n4.core.project.Project;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code .eim} model files of a project's edge stack, on disk: the stack's {@code models/} folder (mounted
 * read-only at {@code /models} in the runner), the active model ({@code EI_MODEL_FILE} in the project's
 * {@code .env}, {@code model.eim} when unset, as the compose file's default), and the one model kept for
 * rollback in {@code models/.previous/}. Touches no engine. Files are replaced by an atomic rename and
 * {@code .env} is rewritten atomically with mode 0600, so a reader sees the old file or the new one.
 *
 * <p>Thread-safe as far as the file system is; concurrent writers to one project are not coordinated.
 */
public final class EdgeModels {
    /** The variable naming the active model file. */
    public static final String MODEL_VARIABLE = "EI_MODEL_FILE";
    /** The model the compose file loads when {@link #MODEL_VARIABLE} is unset. */
    public static final String DEFAULT_MODEL = "model.eim";
    /** The folder, inside {@code models/}, keeping the model {@link ModelDeployer#update} replaced. */
    public static final String PREVIOUS_DIR = ".previous";

    private final Project project;
    private final Path directory;

    private EdgeModels(Project project) {
        this.project = Objects.requireNonNull(project, "project");
        this.directory = ModelsMount.directory(project);
    }

    /** The models of {@code project}'s edge stack; USER error when the project has no edge stack. */
    public static EdgeModels of(Project project) {
        if (!project.stacks().contains(StackId.EDGE)) {
            throw new P4n4Exception(ErrorCode.USER, "project " + project.name() + " has no edge stack (stacks: "
                    + project.stacks().stream().map(StackId::value).toList() + "); add it with p4n4 add edge");
        }
        return new EdgeModels(project);
    }

    /** The project. */
    public Project project() {
        return project;
    }

    /**
     * The models folder (whether or not it exists): the host side of the runner's {@code /models} mount in the
     * edge stack's compose file, else the stack's {@code models/}.
     */
    public Path directory() {
        return directory;
    }

    /** The {@code .env} holding {@link #MODEL_VARIABLE}. */
    public Path envFile() {
        return project.envFile(StackId.EDGE);
    }

    /** The active model's file name: {@link #MODEL_VARIABLE} in {@code .env}, else {@link #DEFAULT_MODEL}. */
    public String activeFileName() {
        return EnvFile.read(envFile()).get(MODEL_VARIABLE).filter(v -> !v.isBlank()).orElse(DEFAULT_MODEL);
    }

    /** The {@code .eim} files of {@code models/} by name; empty when there are none or the folder is missing. */
    public List<EdgeModel> list() {
        Path dir = directory();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String active = activeFileName();
        List<EdgeModel> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.eim")) {
            for (Path f : files) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                if (a.isRegularFile()) {
                    String name = f.getFileName().toString();
                    out.add(new EdgeModel(name, a.size(), a.lastModifiedTime().toInstant(), name.equals(active)));
                }
            }
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot list " + dir + ": " + e.getMessage()
                    + "; check that the folder is readable", e);
        }
        out.sort(Comparator.comparing(EdgeModel::fileName));
        return List.copyOf(out);
    }

    /** The name of the model kept for rollback, if one is. */
    public Optional<String> findKeptForRollback() {
        Path dir = directory().resolve(PREVIOUS_DIR);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.eim")) {
            for (Path f : files) {
                return Optional.of(f.getFileName().toString());
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The model file {@code model} names: the file itself when it exists, else the file of that name in
     * {@code models/} (so a model deployed earlier can be named by its file name); checked by {@link #check}.
     */
    public Path resolve(String model) {
        Path given = Path.of(model);
        if (!Files.exists(given, LinkOption.NOFOLLOW_LINKS) && given.getNameCount() == 1) {
            Path inModels = directory().resolve(given);
            if (Files.exists(inModels)) {
                return check(inModels);
            }
        }
        return check(given);
    }

    /**
     * Checks that {@code file} can be deployed: a regular file named {@code *.eim} that is executable (the runner
     * executes it). Returns it.
     *
     * @throws P4n4Exception VALIDATION naming the file and what to do
     */
    public static Path check(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".eim")) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "model " + file + " is not an .eim file; build one for"
                    + " Linux in Edge Impulse Studio (Deployment > Linux) or with edge-impulse-linux-runner --download");
        }
        if (!Files.exists(file)) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "model file " + file.toAbsolutePath() + " does not exist;"
                    + " check the path");
        }
        if (!Files.isRegularFile(file)) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "model " + file.toAbsolutePath() + " is not a regular"
                    + " file; give the .eim file itself");
        }
        if (!Files.isExecutable(file)) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "model file " + file.toAbsolutePath() + " is not"
                    + " executable, and the runner executes it; run chmod +x " + file);
        }
        return file;
    }

    /**
     * Copies {@code source} (checked with {@link #check}) into {@code models/} under its own name, mode 0755,
     * replacing a file of that name by an atomic rename; nothing is copied when it is that file already.
     *
     * @return the model's file name
     */
    public String install(Path source) {
        check(source);
        String name = source.getFileName().toString();
        Path target = directory().resolve(name);
        try {
            Files.createDirectories(directory());
            if (Files.exists(target) && Files.isSameFile(source, target)) {
                return name;
            }
            ModelFiles.copyAtomically(source, target);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot copy " + source + " to " + target + ": "
                    + e.getMessage() + "; check the permissions of " + directory(), e);
        }
        return name;
    }

    /** Sets {@link #MODEL_VARIABLE} to {@code fileName} in {@code .env} (atomic, mode 0600), keeping every other line. */
    public void activate(String fileName) {
        EnvFile.read(envFile()).with(MODEL_VARIABLE, fileName).write(envFile());
    }

    /**
     * Keeps a copy of the active model in {@code models/.previous/} (replacing what was kept before).
     *
     * @return the kept model's name, or empty when the active model's file does not exist
     */
    public Optional<String> keepActiveForRollback() {
        String active = activeFileName();
        Path current = directory().resolve(active);
        if (!Files.isRegularFile(current)) {
            return Optional.empty();
        }
        Path dir = directory().resolve(PREVIOUS_DIR);
        try {
            Files.createDirectories(dir);
            Path staged = dir.resolve(active + ".staging");
            ModelFiles.copyAtomically(current, staged);
            ModelFiles.clearKept(dir, staged);
            ModelFiles.move(staged, dir.resolve(active));
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot keep " + current + " in " + dir + ": "
                    + e.getMessage(), e);
        }
        return Optional.of(active);
    }

    /**
     * Swaps the kept model and the active one: the kept file goes back into {@code models/}, the active file
     * into {@code models/.previous/}, and {@code .env} names the restored model.
     *
     * @return the restored model's name
     * @throws P4n4Exception USER when no model is kept
     */
    public String restoreKept() {
        String kept = findKeptForRollback().orElseThrow(() -> nothingKept());
        String active = activeFileName();
        Path dir = directory().resolve(PREVIOUS_DIR);
        Path current = directory().resolve(active);
        try {
            Path staged = null;
            if (Files.isRegularFile(current)) {
                staged = dir.resolve(active + ".staging");
                ModelFiles.copyAtomically(current, staged);
            }
            ModelFiles.move(dir.resolve(kept), directory().resolve(kept));
            if (staged != null) {
                ModelFiles.move(staged, dir.resolve(active));
            }
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot restore " + kept + " from " + dir + ": "
                    + e.getMessage(), e);
        }
        activate(kept);
        return kept;
    }

    /** The USER error for a rollback with nothing kept. */
    P4n4Exception nothingKept() {
        return new P4n4Exception(ErrorCode.USER, "no model is kept for rollback in " + directory().resolve(
                PREVIOUS_DIR) + "; p4n4 ei update FILE.eim keeps the model it replaces");
    }
}
