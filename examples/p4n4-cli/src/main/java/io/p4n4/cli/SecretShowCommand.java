package io.p4n4.cli;

import io.p4n4.api.project.SecretRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code p4n4 secret show}: name, masked value, stack, cross-stack flag; never a value. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "List the project's secrets with masked values.")
final class SecretShowCommand extends ProjectCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        List<SecretRow> rows = project().secrets().show();
        if (json()) {
            JsonOutput.print(out(), rows.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.name());
                m.put("value", r.masked());
                m.put("stack", r.stack().value());
                m.put("cross_stack", r.crossStack());
                m.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
                m.put("setup_only", r.setupOnly());
                return m;
            }).toList());
            return 0;
        }
        TextTable table = new TextTable("NAME", "VALUE", "STACK", "CROSS-STACK", "ROTATION");
        for (SecretRow r : rows) {
            table.row(r.name(), r.masked(), r.stack(), r.crossStack() ? "yes" : "no",
                    !r.kind().generated() ? "external" : r.setupOnly() ? "setup-only" : "rotatable");
        }
        table.print(out());
        return 0;
    }
}
