package io.p4n4.cli;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.GeneratedSecret;
import io.p4n4.api.project.RotationPlan;
import io.p4n4.core.project.Project;
import java.io.Console;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code p4n4 secret rotate [--yes] [--include-setup]}: plan, confirm, apply. */
@Command(name = "rotate", mixinStandardHelpOptions = true, description = "Renew the project's secrets in .env after confirmation.")
final class SecretRotateCommand extends ProjectCommand implements Callable<Integer> {
    @Option(names = {"-y", "--yes"}, description = "Apply without asking.")
    boolean yes;

    @Option(names = "--include-setup",
            description = "Also rotate setup-only secrets (you must then reset them in the services).")
    boolean includeSetup;

    @Override
    public Integer call() {
        Project project = project();
        RotationPlan plan = includeSetup
                ? project.secrets().planRotationIncludingSetupOnly() : project.secrets().planRotation();
        if (!json()) {
            TextTable table = new TextTable("NAME", "STACK", "NEW VALUE");
            plan.changes().forEach(s -> table.row(s.name(), s.stack(), "**** (new)"));
            out().println("Secrets to rotate in " + plan.envFile() + ":");
            table.print(out());
            plan.warnings().forEach(w -> err().println("warning: " + w));
            err().flush();
        }
        if (plan.isEmpty()) {
            if (json()) {
                JsonOutput.print(out(), result(plan, false));
            } else {
                out().println("Nothing to rotate.");
            }
            return 0;
        }
        if (!yes) {
            Console console = io.p4n4.cli.output.Terminal.promptConsole();
            if (console == null) {
                throw new P4n4Exception(ErrorCode.USER, "rotating needs confirmation: run on a console, or"
                        + " pass --yes");
            }
            String answer = console.readLine("Rotate these %d secret(s) in .env? [y/N] ", plan.changes().size());
            if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                throw new P4n4Exception(ErrorCode.USER, "aborted; nothing was changed");
            }
        }
        project.secrets().apply(plan);
        if (json()) {
            JsonOutput.print(out(), result(plan, true));
        } else {
            out().println("Rotated " + plan.changes().size() + " secret(s) in " + plan.envFile()
                    + "; restart the stacks to apply them.");
        }
        return 0;
    }

    private static Map<String, Object> result(RotationPlan plan, boolean applied) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("env_file", plan.envFile().toString());
        m.put("applied", applied);
        m.put("rotated", plan.changes().stream().map(GeneratedSecret::name).toList());
        m.put("skipped", plan.skipped());
        m.put("warnings", plan.warnings());
        return m;
    }
}
