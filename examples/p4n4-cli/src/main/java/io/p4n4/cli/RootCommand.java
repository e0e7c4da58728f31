package io.p4n4.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code p4n4 [--project DIR] [--json] COMMAND}: the root of the command tree, and the list of its commands
 * ({@link CommandTree} reads it to build only the command a command line names).
 */
@Command(name = "p4n4", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Scaffold, run and talk to p4n4 IoT + local-AI platforms.",
        subcommands = {QuickstartCommand.class, InitCommand.class, AddCommand.class, RemoveCommand.class,
            ValidateCommand.class, DoctorCommand.class, CompletionCommand.class, SecretCommand.class,
            MigrateCommand.class,
            io.p4n4.cli.ai.AiCommand.class, io.p4n4.cli.ei.EiCommand.class, io.p4n4.cli.influx.InfluxCommand.class,
            io.p4n4.cli.mqtt.MqttCommand.class, io.p4n4.cli.template.TemplateCommand.class,
            io.p4n4.cli.score.ScoreCommand.class, io.p4n4.cli.agent.AgentCommand.class,
            io.p4n4.cli.compose.ComposeCommand.class,
            io.p4n4.cli.run.UpCommand.class, io.p4n4.cli.run.DownCommand.class, io.p4n4.cli.run.StatusCommand.class,
            io.p4n4.cli.run.LogsCommand.class, io.p4n4.cli.run.PullCommand.class,
            io.p4n4.cli.run.UpgradeCommand.class, io.p4n4.cli.run.ServeCommand.class})
public final class RootCommand implements Root {

    @Mixin
    RootOptions options;

    @Override
    public RootOptions options() {
        return options;
    }
}
