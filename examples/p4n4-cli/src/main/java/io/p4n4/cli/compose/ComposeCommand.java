package io.p4n4.cli.compose;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code p4n4 compose ...}: any compose file on Docker or Podman without a compose binary, with docker compose
 * v2's commands and flag names (docs/compose.md). Without a subcommand: usage, exit 2.
 */
@Command(name = "compose", mixinStandardHelpOptions = true,
        description = "Work with compose files (no docker compose binary needed).",
        subcommands = {ConfigCommand.class, ComposeUpCommand.class, ComposeDownCommand.class, ComposePsCommand.class,
                ComposeLogsCommand.class, ComposePullCommand.class, ComposeExecCommand.class,
                ComposeRestartCommand.class, ComposeStopCommand.class, ComposeStartCommand.class})
public final class ComposeCommand {

    @Mixin
    ComposeProjectOptions projectOptions;

    /** The project options given on {@code p4n4 compose} itself, seen from one of its subcommands. */
    static @Nullable ComposeProjectOptions outer(CommandSpec subcommand) {
        CommandSpec parent = subcommand.parent();
        return parent != null && parent.userObject() instanceof ComposeCommand c ? c.projectOptions : null;
    }
}
