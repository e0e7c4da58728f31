package io.p4n4.cli.ai;

import picocli.CommandLine.Command;

/** {@code p4n4 ai agent}: the Letta agents of the AI stack and the persona files they are made from. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = "Manage the Letta agents made from the persona files in stacks/ai/letta/agents/.",
        subcommands = {LettaAgentListCommand.class, LettaAgentInitCommand.class, LettaAgentDeleteCommand.class,
            LettaAgentChatCommand.class})
public final class LettaAgentCommand {
}
