package io.p4n4.cli.agent;

import picocli.CommandLine.Command;

/** {@code p4n4 agent}: the device agent. */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Run a device agent, read its status, or print the NATS authorization for devices.",
        subcommands = {AgentRunCommand.class, AgentStatusCommand.class, AgentNatsConfigCommand.class})
public final class AgentCommand {
}
