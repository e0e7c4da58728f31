package io.p4n4.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code p4n4 [--project DIR] [--json] COMMAND}: the root of the command tree. */
@Command(name = "p4n4", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Scaffold, run and talk to p4n4 IoT + local-AI platforms.",
        subcommands = {QuickstartCommand.class, InitCommand.class, AddCommand.class, RemoveCommand.class,
            ValidateCommand.class, SecretCommand.class, MigrateCommand.class,
            io.p4n4.cli.ai.AiCommand.class, io.p4n4.cli.ei.EiCommand.class, io.p4n4.cli.influx.InfluxCommand.class,
            io.p4n4.cli.score.ScoreCommand.class, io.p4n4.cli.agent.AgentCommand.class,
            io.p4n4.cli.compose.ComposeCommand.class,
            io.p4n4.cli.run.UpCommand.class, io.p4n4.cli.run.DownCommand.class, io.p4n4.cli.run.StatusCommand.class,
            io.p4n4.cli.run.LogsCommand.class, io.p4n4.cli.run.PullCommand.class,
            io.p4n4.cli.run.UpgradeCommand.class})
public final class RootCommand {

    @Option(names = "--project", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Project directory or any directory below it (default: the current directory).")
    Path project;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print machine-readable JSON instead of tables.")
    boolean json;

    /** Returns the directory to start the project search from. */
    Path startDirectory() {
        return project != null ? project : Path.of("").toAbsolutePath();
    }
}
