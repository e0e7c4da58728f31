package io.p4n4.cli.compose;

import picocli.CommandLine.Command;

/** {@code p4n4 compose ...}: compose files without any compose binary. Without a subcommand: usage, exit 2. */
@Command(name = "compose", mixinStandardHelpOptions = true,
        description = "Work with compose files (no docker compose binary needed).",
        subcommands = {ConfigCommand.class})
public final class ComposeCommand {
}
