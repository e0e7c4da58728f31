package io.p4n4.cli;

import io.p4n4.core.project.Project;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code p4n4 migrate}: rewrites an upstream manifest as manifest-v1, only when asked. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Rewrite a manifest of the upstream Python tools as manifest-v1.")
final class MigrateCommand extends ProjectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        Project before = project();
        Project after = before.migrate();
        boolean changed = after != before;
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("project", after.directory().toString());
            m.put("changed", changed);
            JsonOutput.print(out(), m);
        } else {
            out().println(changed ? "Migrated " + after.manifestFile() + " to manifest-v1 (stack files unchanged)"
                    : after.manifestFile() + " is already manifest-v1; nothing changed");
        }
        return 0;
    }
}
