package io.p4n4.cli.template;

import io.p4n4.core.template.AppliedTemplates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code p4n4 template list}: the templates applied to the project (the manifest's {@code template}). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Show the templates applied to the project.")
final class TemplateListCommand extends TemplateBase implements Callable<Integer> {

    @Override
    public Integer call() {
        var project = project();
        List<AppliedTemplates.Applied> applied = AppliedTemplates.of(project.v1Manifest());
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("project", project.directory().toString());
            m.put("templates", applied.stream().map(a -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", a.name());
                t.put("version", a.version().isEmpty() ? null : a.version());
                return t;
            }).toList());
            printJson(m);
        } else if (applied.isEmpty()) {
            out().println("No template has been applied to " + project.directory() + " (p4n4 template pull NAME).");
        } else {
            applied.forEach(a -> out().println(a.name() + (a.version().isEmpty() ? "" : "  " + a.version())));
        }
        return 0;
    }
}
