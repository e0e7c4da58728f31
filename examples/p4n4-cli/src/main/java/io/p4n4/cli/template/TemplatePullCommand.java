package io.p4n4.cli.template;

import io.p4n4.api.template.PullReport;
import io.p4n4.core.project.Project;
import io.p4n4.core.template.PreparedTemplate;
import io.p4n4.core.template.TemplateRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code p4n4 template pull NAME [--set K=V]... [--force]}: fetch a template and merge it into the project. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Fetch a template, render its .j2 files and merge them into the project.",
            ".env gains the keys it lacks (existing values are kept); Node-RED flows gain the nodes whose id they "
                    + "lack; other existing files are kept unless --force. Says what it added."})
final class TemplatePullCommand extends TemplateBase implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The template's name.")
    String name;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "A value for one of the template's [template.variables] (repeatable).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--force", description = "Replace existing files (never .env values nor Node-RED nodes).")
    boolean force;

    @Mixin
    RegistryOptions registries;

    @Override
    public Integer call() {
        Project project = project();
        TemplateRegistry registry = registries.registry();
        PullReport report;
        try (PreparedTemplate t = registry.prepare(registries.registries(project.manifest()), name)) {
            notice(t.registry().notice());
            report = registry.pull(t, project.directory(), set, force);
        }
        if (json()) {
            printJson(TemplateJson.pull(report));
        } else {
            TemplateJson.printText(out(), report);
        }
        return 0;
    }
}
