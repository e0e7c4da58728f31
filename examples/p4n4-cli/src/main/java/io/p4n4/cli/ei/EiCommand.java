package io.p4n4.cli.ei;

import picocli.CommandLine.Command;

/** {@code p4n4 ei}: the edge stack's Edge Impulse runner. */
@Command(name = "ei", description = "Manage the edge stack's Edge Impulse runner and its .eim models.", mixinStandardHelpOptions = true,
        subcommands = {InfoCommand.class, InferCommand.class, StatusCommand.class, ListCommand.class,
                DeployCommand.class, UpdateCommand.class, RollbackCommand.class, RunCommand.class})
public final class EiCommand {
}
