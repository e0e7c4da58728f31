package io.p4n4.cli.agent;

import picocli.CommandLine.Command;

/** {@code p4n4 agent}: the device agent. */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Run a device agent or read its status.",
        subcommands = {AgentRunCommand.class, AgentStatusCommand.class})
public final class AgentCommand {
}
