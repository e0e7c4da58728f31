package io.p4n4.compose.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import io.p4n4.compose.env.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads one compose document the way compose does, in order: parse (safe limits), validate against
 * the schema, interpolate, rewrite into long forms, resolve {@code extends} (same file and other
 * files) and {@code include}. Cycles in extends or include are errors that print the cycle.
 *
 * <p>Not thread-safe; one instance serves one project load.
 */
public final class DocumentLoader {
    private final Path workingDir;
    private final boolean validate;
    private final boolean resolvePaths;

    /** Creates a loader for one project. */
    public DocumentLoader(Path workingDir, boolean validate, boolean resolvePaths) {
        this.workingDir = workingDir;
        this.validate = validate;
        this.resolvePaths = resolvePaths;
    }

    /**
     * Loads a top-level compose file; its relative paths resolve against the project directory.
     *
     * @param content the YAML when the file is in memory, else {@code null}
     */
    public Map<String, Object> loadMain(Path file, String content, Map<String, String> env) {
        SourceDocument doc = prepare(file, content, workingDir, env);
        return finish(doc, env, new ArrayDeque<>(List.of(file)));
    }

    private SourceDocument prepare(Path file, String content, Path baseDir, Map<String, String> env) {
        return prepare(file, content, baseDir, env, validate);
    }

    private SourceDocument prepare(Path file, String content, Path baseDir, Map<String, String> env,
            boolean validateSchema) {
        SourceDocument doc = content != null ? YamlReader.parse(content, file, baseDir) : YamlReader.read(file, baseDir);
        if (validateSchema) {
            SchemaValidation.validate(doc);
        }
        TreeInterpolator.interpolate(doc, env::get);
        Canonicalizer.canonicalize(doc, new PathResolver(baseDir, workingDir, resolvePaths));
        return doc;
    }

    private Map<String, Object> finish(SourceDocument doc, Map<String, String> env, Deque<Path> includeStack) {
        resolveExtends(doc, env);
        return applyIncludes(doc, env, includeStack);
    }

    // ---- extends -------------------------------------------------------------------------------

    private void resolveExtends(SourceDocument doc, Map<String, String> env) {
        Map<String, Object> services = Trees.map(doc.tree().get("services"));
        if (services == null) {
            return;
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Object raw = e.getValue();
            Object value = resolveService(doc, e.getKey(), env, new ArrayList<>());
            resolved.put(e.getKey(), raw instanceof Tagged.Override && value != raw ? new Tagged.Override(value) : value);
        }
        services.putAll(resolved);
    }

    private Object resolveService(SourceDocument doc, String name, Map<String, String> env, List<String> chain) {
        Map<String, Object> services = Trees.map(doc.tree().get("services"));
        Object raw = services.get(name);
        Map<String, Object> svc = Trees.map(raw);
        if (svc == null || svc.get("extends") == null) {
            return raw;
        }
        String here = doc.file() + "#" + name;
        if (chain.contains(here)) {
            chain.add(here);
            throw new P4n4Exception(ErrorCode.ENGINE, "extends cycle: " + String.join(" -> ", chain)
                    + "; break the cycle by removing one 'extends'");
        }
        chain.add(here);
        Map<String, Object> ext = Trees.map(svc.get("extends"));
        Object baseName = ext.get("service");
        if (baseName == null) {
            throw new P4n4Exception(ErrorCode.ENGINE, "extends." + name + ".service is required");
        }
        SourceDocument baseDoc = doc;
        if (ext.get("file") != null) {
            Path file = Path.of(String.valueOf(ext.get("file")));
            // like compose, a file read only for extends is not schema-validated as a whole (it may
            // hold services that are not valid on their own, even null ones); its values still go
            // through the same long-form parsing
            baseDoc = prepare(file, null, file.getParent(), env, false);
        }
        Map<String, Object> baseServices = Trees.map(baseDoc.tree().get("services"));
        if (baseServices == null || !baseServices.containsKey(String.valueOf(baseName))) {
            int[] mark = doc.mark("/services/" + YamlReader.escape(name) + "/extends");
            throw new InvalidFileException(ErrorCode.ENGINE, doc.file(), mark[0], mark[1],
                    "services." + name + ".extends", "cannot extend service \"" + baseName + "\": no such service in "
                            + baseDoc.file() + "; check extends.service and extends.file", null);
        }
        Object base = resolveService(baseDoc, String.valueOf(baseName), env, chain);
        Map<String, Object> own = new LinkedHashMap<>(svc);
        own.remove("extends");
        chain.remove(chain.size() - 1);
        return Merger.mergeService(Merger.stripResets(Trees.copy(base)), own);
    }

    // ---- include -------------------------------------------------------------------------------

    private Map<String, Object> applyIncludes(SourceDocument doc, Map<String, String> env, Deque<Path> stack) {
        Map<String, Object> tree = doc.tree();
        Object include = tree.remove("include");
        List<Object> entries = Trees.list(include);
        if (entries == null || entries.isEmpty()) {
            return tree;
        }
        PathResolver paths = new PathResolver(doc.baseDir(), workingDir, true);
        Map<String, Object> imported = new LinkedHashMap<>();
        for (Object entry : entries) {
            Map<String, Object> spec = entry instanceof String s ? Map.of("path", s) : Trees.map(entry);
            List<Path> files = strings(spec.get("path")).stream().map(paths::absolute).collect(Collectors.toList());
            Path projectDir = spec.get("project_directory") != null
                    ? paths.absolute(String.valueOf(spec.get("project_directory")))
                    : files.get(0).getParent();
            List<Path> envFiles;
            if (spec.get("env_file") != null) {
                envFiles = strings(spec.get("env_file")).stream().map(paths::absolute).collect(Collectors.toList());
            } else {
                Path dotEnv = projectDir.resolve(".env");
                envFiles = Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
            }
            // the including project's environment wins over the include's env files
            Map<String, String> includeEnv = new LinkedHashMap<>(DotEnv.readAll(envFiles, env::get));
            includeEnv.putAll(env);
            Map<String, Object> included = new LinkedHashMap<>();
            for (Path file : files) {
                if (stack.contains(file)) {
                    List<String> cycle = new ArrayList<>();
                    stack.descendingIterator().forEachRemaining(p -> cycle.add(p.toString()));
                    cycle.add(file.toString());
                    throw new P4n4Exception(ErrorCode.ENGINE, "include cycle: " + String.join(" -> ", cycle)
                            + "; remove one of these includes");
                }
                stack.push(file);
                SourceDocument sub = prepare(file, null, projectDir, includeEnv);
                Map<String, Object> subTree = finish(sub, includeEnv, stack);
                stack.pop();
                included = Merger.merge(included, subTree);
            }
            imported = Merger.merge(imported, included);
        }
        return Merger.merge(imported, tree);
    }

    private static List<String> strings(Object value) {
        List<Object> list = Trees.list(value);
        if (list == null) {
            return value == null ? List.of() : List.of(String.valueOf(value));
        }
        return list.stream().map(String::valueOf).collect(Collectors.toList());
    }
}
