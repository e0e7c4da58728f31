package io.p4n4.cli.template;

import picocli.CommandLine.Command;

/** {@code p4n4 template}: community and private template registries. */
@Command(name = "template", mixinStandardHelpOptions = true,
        description = {"Find, inspect, pull and check templates from git or static HTTPS registries.",
            "Registries: --registry, else the project's template_orgs, else P4N4_TEMPLATE_REGISTRY, else "
                    + "https://github.com/raisga/p4n4-templates. Snapshots are cached under $XDG_CACHE_HOME/p4n4/"
                    + "templates (else ~/.cache/p4n4/templates); --offline uses them."},
        subcommands = {TemplateSearchCommand.class, TemplateInfoCommand.class, TemplateListCommand.class,
            TemplatePullCommand.class, TemplatePushCommand.class, TemplateOrgCommand.class})
public final class TemplateCommand {
}
