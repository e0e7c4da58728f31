package io.p4n4.cli.compose;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code p4n4 compose ...}: compose files without any compose binary. */
@Command(name = "compose", mixinStandardHelpOptions = true,
        description = "Work with compose files (no docker compose binary needed).",
        subcommands = {ConfigCommand.class})
public final class ComposeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Without a subcommand: print the usage and exit 2 (a user error). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
