package io.p4n4.core.template.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.template.PullReport;
import io.p4n4.compose.env.EnvFile;
import io.p4n4.compose.files.AtomicFiles;
import io.p4n4.core.scaffold.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Merges a template's {@code files/} into a project. Everything is rendered and planned first; files are
 * written (each atomically) only when the whole plan was made. Rules for a file that exists: {@code .env}
 * and {@code .env.example} gain the keys they lack (existing keys keep their values; {@code .env} stays
 * 0600); the Node-RED flows file gains the nodes whose {@code id} it lacks (same id, other content: a
 * conflict, the project's node is kept); any other file is skipped unless forced.
 */
public final class ProjectMerge {
    /** The Node-RED flows file merged by node id. */
    public static final String FLOWS = "stacks/iot/config/node-red/flows.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TemplateRenderer RENDERER = TemplateRenderer.create();

    private final List<Runnable> writes = new ArrayList<>();
    private final List<Path> added = new ArrayList<>();
    private final List<Path> replaced = new ArrayList<>();
    private final List<Path> skipped = new ArrayList<>();
    private final List<Path> merged = new ArrayList<>();
    private final List<String> envAdded = new ArrayList<>();
    private final List<String> envKept = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();

    private ProjectMerge() {
    }

    /**
     * Plans and applies the merge of {@code templateDir/files} into {@code project}.
     *
     * @param values the variables the {@code .j2} files are rendered with
     * @param force whether existing files other than {@code .env} and the flows are replaced
     */
    public static PullReport apply(String template, String version, Path templateDir, Path project,
            Map<String, Object> values, boolean force) {
        ProjectMerge m = new ProjectMerge();
        Path files = templateDir.resolve("files");
        if (Files.isDirectory(files)) {
            m.plan(template, files, project, values, force);
        }
        m.writes.forEach(Runnable::run);
        return new PullReport(template, version, project, m.added, m.replaced, m.skipped, m.merged, m.envAdded,
                m.envKept, m.conflicts);
    }

    private void plan(String template, Path files, Path project, Map<String, Object> values, boolean force) {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(files)) {
            sources = walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot read template files " + files + ": " + e.getMessage(), e);
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        Map<Path, byte[]> binaries = new LinkedHashMap<>();
        for (Path source : sources) {
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new P4n4Exception(ErrorCode.VALIDATION, "template " + template + ": " + source
                        + " is a link or special file; templates hold regular files only");
            }
            String rel = files.relativize(source).toString().replace('\\', '/');
            try {
                if (rel.endsWith(".j2")) {
                    String text = Files.readString(source, StandardCharsets.UTF_8);
                    texts.put(Path.of(rel.substring(0, rel.length() - 3)), RENDERER.render(template + "/files/" + rel,
                            text, values));
                } else {
                    binaries.put(Path.of(rel), Files.readAllBytes(source));
                }
            } catch (IOException e) {
                throw new P4n4Exception(ErrorCode.GENERAL, "cannot read " + source + ": " + e.getMessage(), e);
            }
        }
        binaries.forEach((rel, bytes) -> texts.putIfAbsent(rel, null));
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            Path rel = e.getKey();
            byte[] bytes = e.getValue() != null ? e.getValue().getBytes(StandardCharsets.UTF_8) : binaries.get(rel);
            planFile(project, rel, bytes, force);
        }
    }

    private void planFile(Path project, Path rel, byte[] bytes, boolean force) {
        Path target = project.resolve(rel).normalize();
        if (!target.startsWith(project)) {
            throw new P4n4Exception(ErrorCode.VALIDATION, "template file " + rel + " lies outside the project");
        }
        String name = rel.toString().replace('\\', '/');
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (name.equals(".env")) {
            planEnv(target, rel, text, true);
            planEnv(project.resolve(".env.example"), Path.of(".env.example"), text, false);
        } else if (name.equals(".env.example")) {
            planEnv(target, rel, text, false);
        } else if (!Files.exists(target)) {
            added.add(rel);
            writes.add(() -> AtomicFiles.write(target, bytes, AtomicFiles.SHARED));
        } else if (name.equals(FLOWS)) {
            planFlows(target, rel, text);
        } else if (force) {
            replaced.add(rel);
            writes.add(() -> AtomicFiles.write(target, bytes, AtomicFiles.SHARED));
        } else {
            skipped.add(rel);
        }
    }

    private void planEnv(Path target, Path rel, String templateText, boolean secret) {
        Map<String, String> wanted = EnvFile.parse(templateText, rel).values();
        EnvFile current = Files.exists(target) ? EnvFile.read(target) : EnvFile.empty();
        EnvFile next = current;
        boolean changed = false;
        for (Map.Entry<String, String> kv : wanted.entrySet()) {
            if (current.get(kv.getKey()).isPresent()) {
                if (secret) {
                    envKept.add(kv.getKey());
                }
            } else {
                next = next.with(kv.getKey(), kv.getValue());
                changed = true;
                if (secret) {
                    envAdded.add(kv.getKey());
                }
            }
        }
        if (!changed) {
            if (Files.exists(target) && !merged.contains(rel)) {
                skipped.add(rel);
            }
            return;
        }
        (Files.exists(target) ? merged : added).add(rel);
        EnvFile result = next;
        writes.add(() -> {
            if (secret) {
                result.write(target);
            } else {
                AtomicFiles.writeString(target, result.render());
            }
        });
    }

    private void planFlows(Path target, Path rel, String templateText) {
        ArrayNode mine = flows(target, readString(target));
        ArrayNode theirs = flows(rel, templateText);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        mine.forEach(n -> byId.put(n.path("id").asText(), n));
        int appended = 0;
        for (JsonNode node : theirs) {
            String id = node.path("id").asText();
            JsonNode existing = byId.get(id);
            if (existing == null) {
                mine.add(node);
                byId.put(id, node);
                appended++;
            } else if (!existing.equals(node)) {
                conflicts.add(rel + ": node " + id + " differs from the template's; the project's node was kept");
            }
        }
        if (appended == 0) {
            skipped.add(rel);
            return;
        }
        merged.add(rel);
        String out = writeJson(mine);
        writes.add(() -> AtomicFiles.writeString(target, out));
    }

    private static ArrayNode flows(Path file, String text) {
        try {
            JsonNode tree = JSON.readTree(text);
            if (tree instanceof ArrayNode array) {
                for (JsonNode n : array) {
                    if (!n.path("id").isTextual()) {
                        throw new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, "$[*].id",
                                "every Node-RED node needs a string id to be merged", null);
                    }
                }
                return array;
            }
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, null,
                    "is not valid JSON (" + e.getMessage() + "); a Node-RED flows file is a JSON array of nodes", e);
        }
        throw new InvalidFileException(ErrorCode.VALIDATION, file, 1, 1, "$",
                "must be a JSON array of Node-RED nodes to be merged", null);
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String writeJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
