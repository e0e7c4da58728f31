package io.p4n4.cli.ei;

import picocli.CommandLine.Command;

/** {@code p4n4 ei}: the edge stack's Edge Impulse runner. */
@Command(name = "ei", description = "Talk to the Edge Impulse runner of the edge stack.", mixinStandardHelpOptions = true,
        subcommands = {InfoCommand.class, InferCommand.class})
public final class EiCommand {
}
