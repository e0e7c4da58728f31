package io.p4n4.core.project;

import io.p4n4.api.project.Manifest;
import io.p4n4.api.project.StackDefinition;
import io.p4n4.api.project.StackFile;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.VariableDefinition;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.compose.files.AtomicFiles;
import io.p4n4.core.scaffold.ProjectFiles;
import io.p4n4.core.scaffold.TemplateContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the files of a project; one instance per operation, not thread-safe. */
final class ProjectWriter {
    private final Path directory;
    private final ProjectContext services;

    ProjectWriter(Path directory, ProjectContext services) {
        this.directory = directory;
        this.services = services;
    }

    /** Writes every file of a new project; the manifest is written by the caller, last. */
    List<Path> writeNew(Manifest manifest) {
        List<Path> written = new ArrayList<>();
        TemplateContext context = TemplateContext.of(manifest.name(), manifest.cliVersion());
        for (StackId id : manifest.stacks()) {
            written.addAll(writeStack(id, context, true));
        }
        List<VariableDefinition> variables = services.stacks().variables(manifest.stacks());
        Map<String, String> values = new LinkedHashMap<>();
        for (VariableDefinition v : variables) {
            values.put(v.name(), v.kind().generated() ? services.secrets().value(v.kind()) : v.defaultValue());
        }
        Path env = directory.resolve(Project.ENV_FILE);
        AtomicFiles.writeSecretString(env, ProjectFiles.env(manifest.name(), variables, values));
        written.add(env);
        written.add(writeEnvExample(manifest));
        written.add(writeGitignore());
        return written;
    }

    /** Adds one stack to an existing project: missing files, missing variables. */
    /** Writes the stack's missing files and appends its variables missing from .env; returns the files written. */
    List<Path> addStack(Manifest updated, StackId stack) {
        List<Path> written = writeStack(stack, TemplateContext.of(updated.name(), updated.cliVersion()), false);
        Path envPath = directory.resolve(Project.ENV_FILE);
        EnvFile env = Files.exists(envPath) ? EnvFile.read(envPath) : EnvFile.empty();
        List<VariableDefinition> missing = services.stacks().get(stack).variables().stream()
                .filter(v -> env.get(v.name()).isEmpty()).toList();
        if (!missing.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (VariableDefinition v : missing) {
                values.put(v.name(), v.kind().generated() ? services.secrets().value(v.kind()) : v.defaultValue());
            }
            String text = env.render();
            if (!text.isEmpty() && !text.endsWith("\n")) {
                text += "\n";
            }
            // appended as text so existing lines (comments, order, values) stay byte for byte
            AtomicFiles.writeSecretString(envPath, text + ProjectFiles.envAppendix(stack, missing, values));
        }
        writeEnvExample(updated);
        writeGitignore();
        return written;
    }

    private List<Path> writeStack(StackId id, TemplateContext context, boolean replace) {
        StackDefinition def = services.stacks().get(id);
        Path stackDir = directory.resolve(Project.STACKS_DIR).resolve(id.value());
        if (replace) {
            return services.writer().write(stackDir, def, services.stacks().provider(id), context);
        }
        // keep files the user may have changed: write only the missing ones
        StackDefinition.Builder missing = StackDefinition.builder(id).description(def.description())
                .version(def.version()).readiness(def.readiness());
        def.variables().forEach(missing::variable);
        for (StackFile f : def.files()) {
            Path target = stackDir.resolve(f.path());
            boolean present = f.kind() == StackFile.Kind.DIRECTORY ? Files.isDirectory(target) : Files.exists(target);
            if (!present) {
                missing.file(f);
            }
        }
        return services.writer().write(stackDir, missing.build(), services.stacks().provider(id), context, false);
    }

    Path writeEnvExample(Manifest manifest) {
        Path example = directory.resolve(Project.ENV_EXAMPLE_FILE);
        String text = ProjectFiles.envExample(manifest.name(), services.stacks().variables(manifest.stacks()));
        AtomicFiles.write(example, text.getBytes(StandardCharsets.UTF_8), AtomicFiles.SHARED);
        return example;
    }

    /** Writes {@code .gitignore}, or adds the lines p4n4 needs to an existing one. */
    private Path writeGitignore() {
        Path file = directory.resolve(".gitignore");
        try {
            String wanted = ProjectFiles.gitignore();
            if (Files.exists(file)) {
                String current = Files.readString(file, StandardCharsets.UTF_8);
                List<String> lines = current.lines().map(String::trim).toList();
                StringBuilder extra = new StringBuilder();
                for (String line : List.of(".env", "*.eim")) {
                    if (!lines.contains(line)) {
                        extra.append(line).append('\n');
                    }
                }
                if (extra.isEmpty()) {
                    return file;
                }
                wanted = current + (current.isEmpty() || current.endsWith("\n") ? "" : "\n")
                        + "# added by p4n4\n" + extra;
            }
            AtomicFiles.write(file, wanted.getBytes(StandardCharsets.UTF_8), AtomicFiles.SHARED);
            return file;
        } catch (IOException e) {
            throw new io.p4n4.api.P4n4Exception(io.p4n4.api.ErrorCode.GENERAL, "cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
