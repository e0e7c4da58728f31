package io.p4n4.cli.compose;

import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeSerializer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 compose config}: prints the normalized project like {@code docker compose config}.
 * Exit codes: 3 for an invalid compose file, 5 for a required variable without a value, 2 for a
 * missing file or bad argument.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Parse, interpolate, merge, validate and print the normalized compose model (YAML, or JSON with --json).")
public final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Override
    public Integer call() {
        ComposeProject project = projectOptions.load(ComposeCommand.outer(spec));
        String text = json() ? ComposeSerializer.toJson(project) : ComposeSerializer.toYaml(project);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The root command's inherited {@code --json} flag. */
    private boolean json() {
        return io.p4n4.cli.output.OutputMode.json(spec);
    }
}
