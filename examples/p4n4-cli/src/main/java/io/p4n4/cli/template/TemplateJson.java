package io.p4n4.cli.template;

import io.p4n4.api.template.PullReport;
import io.p4n4.api.template.TemplateEntry;
import io.p4n4.core.template.RegistrySnapshot;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --json} shapes of the template commands. */
final class TemplateJson {
    private TemplateJson() {
    }

    static Map<String, Object> registry(RegistrySnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.registry().toString());
        m.put("org", s.index().org());
        m.put("index_version", s.index().indexVersion());
        m.put("fetched_at", s.fetchedAt().toString());
        m.put("from_cache", s.fromCache());
        m.put("age_seconds", s.age().toSeconds());
        m.put("stale", s.stale());
        return m;
    }

    static Map<String, Object> entry(TemplateEntry e, RegistrySnapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("description", e.description());
        m.put("tags", e.tags());
        m.put("version", e.latest());
        m.put("author", e.author());
        m.put("license", e.license());
        m.put("min_hardware", e.minHardware());
        m.put("requires_stacks", e.requiresStacks());
        m.put("repo", e.repo());
        m.put("subdir", e.subdir());
        m.put("tarball", e.tarball());
        m.put("sha256", e.sha256());
        m.put("registry", s.registry().toString());
        return m;
    }

    static Map<String, Object> pull(PullReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("template", r.template());
        m.put("version", r.version());
        m.put("project", r.project().toString());
        m.put("added", paths(r.added()));
        m.put("replaced", paths(r.replaced()));
        m.put("skipped", paths(r.skipped()));
        m.put("merged", paths(r.merged()));
        m.put("env_keys_added", r.envKeysAdded());
        m.put("env_keys_kept", r.envKeysKept());
        m.put("conflicts", r.conflicts());
        return m;
    }

    private static List<String> paths(List<Path> paths) {
        return paths.stream().map(p -> p.toString().replace('\\', '/')).toList();
    }

    /** The text lines of a pull: what was added, merged, kept. */
    static void printText(java.io.PrintWriter out, PullReport r) {
        out.println("Pulled template " + r.template() + " " + r.version() + " into " + r.project());
        line(out, "added", paths(r.added()));
        line(out, "merged", paths(r.merged()));
        line(out, "replaced (--force)", paths(r.replaced()));
        line(out, "kept as they were (use --force to replace)", paths(r.skipped()));
        line(out, ".env keys added", r.envKeysAdded());
        line(out, ".env keys already set, kept", r.envKeysKept());
        line(out, "conflicts (the project's version kept)", r.conflicts());
    }

    private static void line(java.io.PrintWriter out, String what, List<String> items) {
        if (!items.isEmpty()) {
            out.println("  " + what + ": " + String.join(", ", items));
        }
    }
}
