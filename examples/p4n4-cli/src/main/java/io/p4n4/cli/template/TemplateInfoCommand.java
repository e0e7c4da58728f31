package io.p4n4.cli.template;

import io.p4n4.api.template.TemplateEntry;
import io.p4n4.core.template.TemplateRegistry;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code p4n4 template info NAME}: a template's metadata from the index. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Print a template's metadata from the index.")
final class TemplateInfoCommand extends TemplateBase implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The template's name.")
    String name;

    @Mixin
    RegistryOptions registries;

    @Override
    public Integer call() {
        TemplateRegistry.Found found = registries.registry()
                .find(registries.registries(manifestIfAny().orElse(null)), name);
        notice(found.registry().notice());
        Map<String, Object> m = TemplateJson.entry(found.entry(), found.registry());
        if (json()) {
            printJson(m);
            return 0;
        }
        TemplateEntry e = found.entry();
        m.forEach((k, v) -> {
            if (v != null && !(v instanceof java.util.List<?> l && l.isEmpty())) {
                out().printf("%-16s %s%n", k + ":", v instanceof java.util.List<?> l ? String.join(", ",
                        l.stream().map(String::valueOf).toList()) : v);
            }
        });
        if (e.tarball() == null && e.repo().equals(TemplateEntry.SAME_REPOSITORY)) {
            out().println("(the template lives in the registry's own repository)");
        }
        return 0;
    }
}
