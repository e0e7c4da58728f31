package io.p4n4.core.template;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.Problem;
import io.p4n4.api.template.TemplateDescriptor;
import io.p4n4.api.template.TemplateVariable;
import io.p4n4.core.scaffold.TemplateContext;
import io.p4n4.core.template.internal.ProjectMerge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The checks a template must pass before it is published (what the registry's CI runs, and
 * {@code p4n4 template push} runs locally): a valid {@code p4n4-template.toml}, a {@code README.md}, regular
 * files only, every {@code .j2} file renders with the declared defaults, {@code files/.env} parses, and the
 * Node-RED flows are a JSON array of nodes with ids. Stateless and thread-safe.
 */
public final class TemplateChecks {
    private TemplateChecks() {
    }

    /** The result: the descriptor when it could be read, and every problem found. */
    public record Result(java.util.Optional<TemplateDescriptor> descriptor, List<Problem> problems) {
        /** Whether no problem is an error. */
        public boolean ok() {
            return problems.stream().noneMatch(Problem::isError);
        }
    }

    /** Checks the template directory {@code dir}. */
    public static Result check(Path dir) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(Problem.error("template.missing", ErrorCode.USER, dir + " is not a directory")
                    .hint("give the template's directory, the one holding p4n4-template.toml").build());
            return new Result(java.util.Optional.empty(), problems);
        }
        TemplateDescriptor d = null;
        try {
            d = TemplateDescriptors.read(dir);
            if (dir.getFileName() != null && !dir.toAbsolutePath().normalize().getFileName().toString().equals(d.name())) {
                problems.add(Problem.warning("template.directory-name", "the directory is named '"
                        + dir.toAbsolutePath().normalize().getFileName() + "' but the template '" + d.name() + "'")
                        .hint("registries keep each template in a directory of its name").build());
            }
        } catch (P4n4Exception e) {
            problems.add(Problem.error("template.descriptor", ErrorCode.VALIDATION, e.getMessage())
                    .file(dir.resolve(TemplateDescriptor.FILE_NAME)).hint("fix p4n4-template.toml (docs/templates.md)")
                    .build());
        }
        if (!Files.isRegularFile(dir.resolve("README.md"))) {
            problems.add(Problem.error("template.readme", ErrorCode.VALIDATION, "README.md is missing")
                    .file(dir.resolve("README.md"))
                    .hint("document the MQTT topics, the environment variables and any Edge Impulse model").build());
        }
        Path files = dir.resolve("files");
        if (!Files.isDirectory(files)) {
            problems.add(Problem.warning("template.no-files", "the template has no files/ directory; pulling it"
                    + " changes nothing but the manifest").file(files).build());
        } else {
            checkFiles(files, d, problems);
        }
        return new Result(java.util.Optional.ofNullable(d), List.copyOf(problems));
    }

    private static void checkFiles(Path files, TemplateDescriptor d, List<Problem> problems) {
        Map<String, Object> values = new HashMap<>(TemplateContext.of("example-project", "0.0.0").asMap());
        if (d != null) {
            for (TemplateVariable v : d.variables()) {
                values.put(v.name(), v.defaultValue());
            }
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(files)) {
            all = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.error("template.unreadable", ErrorCode.GENERAL, "cannot read " + files + ": "
                    + e.getMessage()).file(files).build());
            return;
        }
        for (Path p : all) {
            String rel = files.relativize(p).toString().replace('\\', '/');
            if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(Problem.error("template.link", ErrorCode.VALIDATION, "files/" + rel
                        + " is a link or special file").file(p).hint("templates hold regular files only").build());
                continue;
            }
            try {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                String out = rel.endsWith(".j2") ? io.p4n4.core.scaffold.TemplateRenderer.create()
                        .render("files/" + rel, text, values) : text;
                String target = rel.endsWith(".j2") ? rel.substring(0, rel.length() - 3) : rel;
                if (target.equals(".env") || target.equals(".env.example")) {
                    io.p4n4.compose.env.EnvFile.parse(out, p);
                } else if (target.equals(ProjectMerge.FLOWS)) {
                    checkFlows(out, p, problems);
                }
            } catch (java.nio.charset.MalformedInputException e) {
                if (rel.endsWith(".j2")) {
                    problems.add(Problem.error("template.encoding", ErrorCode.VALIDATION, "files/" + rel
                            + " is not UTF-8 text").file(p).build());
                }
            } catch (IOException | P4n4Exception e) {
                problems.add(Problem.error("template.file", ErrorCode.VALIDATION, "files/" + rel + ": "
                        + e.getMessage()).file(p).build());
            }
        }
    }

    private static void checkFlows(String text, Path file, List<Problem> problems) {
        try {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
            boolean ok = tree != null && tree.isArray();
            if (ok) {
                for (var node : tree) {
                    ok &= node.path("id").isTextual();
                }
            }
            if (!ok) {
                problems.add(Problem.error("template.flows", ErrorCode.VALIDATION, "the Node-RED flows must be a"
                        + " JSON array of nodes, each with a string id").file(file).build());
            }
        } catch (IOException e) {
            problems.add(Problem.error("template.flows", ErrorCode.VALIDATION, "the Node-RED flows are not valid"
                    + " JSON: " + e.getMessage()).file(file).build());
        }
    }
}
