package io.p4n4.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import io.p4n4.cli.output.Json;

/**
 * Runs the last command of the command line, like picocli's {@link RunLast}, with three rules of its own:
 * {@code --version} prints {@code {"version":"p4n4 ..."}} under {@code --json}; a command that only
 * groups others ({@code p4n4 ai}, {@code p4n4 score}, ...) named without one of them is a usage error
 * (exit 2) rather than a crash; and connection options given before the command reach it
 * ({@link OptionsBeforeTheCommand}).
 */
final class JsonAwareExecution implements IExecutionStrategy {
    private final boolean json;

    JsonAwareExecution(boolean json) {
        this.json = json;
    }

    @Override
    public int execute(ParseResult parseResult) {
        List<CommandLine> commands = parseResult.asCommandLineList();
        if (json && commands.stream().anyMatch(CommandLine::isVersionHelpRequested)) {
            CommandLine root = commands.get(0);
            Json.printDocument(root.getOut(), Map.of("version", String.join(" ", root.getCommandSpec().version())));
            return 0;
        }
        CommandLine last = commands.get(commands.size() - 1);
        boolean helpRequested = commands.stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
        if (!helpRequested) {
            OptionsBeforeTheCommand.apply(parseResult);
        }
        Object command = last.getCommandSpec().userObject();
        if (!helpRequested && !(command instanceof Callable<?>) && !(command instanceof Runnable)) {
            throw new ParameterException(last, "'" + last.getCommandSpec().qualifiedName()
                    + "' needs a subcommand: one of " + String.join(", ", last.getSubcommands().keySet()));
        }
        return new RunLast().execute(parseResult);
    }
}
