package io.p4n4.cli.template;

import picocli.CommandLine.Command;

/** {@code p4n4 template org add|remove|list}: the manifest's {@code template_orgs}. */
@Command(name = "org", mixinStandardHelpOptions = true,
        description = "Edit the registries the project uses (template_orgs in .p4n4.json).",
        subcommands = {TemplateOrgCommand.Add.class, TemplateOrgCommand.Remove.class, TemplateOrgCommand.ListOrgs.class})
final class TemplateOrgCommand {

    /** {@code org add URL}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a registry URL to template_orgs.")
    static final class Add extends OrgEdit {
        @Override
        boolean adding() {
            return true;
        }
    }

    /** {@code org remove URL}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a registry URL from template_orgs.")
    static final class Remove extends OrgEdit {
        @Override
        boolean adding() {
            return false;
        }
    }

    /** {@code org list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List template_orgs (the default registry is used when it is empty).")
    static final class ListOrgs extends TemplateBase implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            var manifest = project().v1Manifest();
            var effective = io.p4n4.core.template.TemplateRegistry.registriesOf(manifest, System::getenv);
            if (json()) {
                var m = new java.util.LinkedHashMap<String, Object>();
                m.put("template_orgs", manifest.templateOrgs().stream().map(Object::toString).toList());
                m.put("effective", effective.stream().map(Object::toString).toList());
                printJson(m);
            } else if (manifest.templateOrgs().isEmpty()) {
                out().println("No template_orgs; the default registry is used: " + effective.get(0));
            } else {
                manifest.templateOrgs().forEach(u -> out().println(u));
            }
            return 0;
        }
    }
}
