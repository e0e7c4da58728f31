package io.p4n4.cli.template;

import io.p4n4.api.template.TemplateEntry;
import io.p4n4.cli.TextTable;
import io.p4n4.core.template.RegistrySnapshot;
import io.p4n4.core.template.TemplateRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code p4n4 template search [QUERY] [--tag T]}: the templates of the registries, filtered. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "List registry templates (name, description, tags, version, author), filtered by keyword"
                + " and --tag.")
final class TemplateSearchCommand extends TemplateBase implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "A word the name, description or tags contain (case-insensitive).")
    String query;

    @Option(names = "--tag", paramLabel = "TAG", description = "Only templates with this tag (repeatable: all must match).")
    List<String> tags;

    @Mixin
    RegistryOptions registries;

    @Override
    public Integer call() {
        TemplateRegistry registry = registries.registry();
        List<URI> urls = registries.registries(manifestIfAny().orElse(null));
        List<Map<String, Object>> sources = new ArrayList<>();
        List<Map<String, Object>> found = new ArrayList<>();
        TextTable table = new TextTable("NAME", "DESCRIPTION", "TAGS", "VERSION", "AUTHOR");
        for (URI url : urls) {
            RegistrySnapshot snap = registry.snapshot(url);
            notice(snap.notice());
            sources.add(TemplateJson.registry(snap));
            for (TemplateEntry e : snap.index().templates()) {
                if (matches(e)) {
                    found.add(TemplateJson.entry(e, snap));
                    table.row(e.name(), e.description(), String.join(", ", e.tags()), e.latest(),
                            e.author() == null ? "" : e.author());
                }
            }
        }
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("registries", sources);
            m.put("templates", found);
            printJson(m);
        } else if (found.isEmpty()) {
            out().println("No template matches" + (query == null ? "" : " '" + query + "'")
                    + (tags == null ? "" : " with tags " + tags) + " in " + urls + ".");
        } else {
            table.print(out());
        }
        return 0;
    }

    private boolean matches(TemplateEntry e) {
        if (tags != null && !tags.stream().allMatch(e::hasTag)) {
            return false;
        }
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.toLowerCase(Locale.ROOT);
        return e.name().toLowerCase(Locale.ROOT).contains(q) || e.description().toLowerCase(Locale.ROOT).contains(q)
                || e.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q));
    }
}
