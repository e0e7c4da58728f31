package io.p4n4.cli.ai;

import picocli.CommandLine.Command;

/** {@code p4n4 ai}: the AI stack's services. */
@Command(name = "ai", description = "Talk to the AI stack (Ollama, Letta agents).", mixinStandardHelpOptions = true,
        subcommands = {ModelsCommand.class, PullCommand.class, GenerateCommand.class, ChatCommand.class,
            LettaAgentCommand.class})
public final class AiCommand {
}
