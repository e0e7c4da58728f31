package io.p4n4.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Lets {@code p4n4 --engine podman status} mean {@code p4n4 status --engine podman}, as {@code docker --host ...
 * compose up} and {@code kubectl --context ... get} read: a connection option given before the command is handed
 * to the command's own option. Refused by name: such an option given on both sides, one the command does not
 * take (it would be ignored), and {@code --json} given twice.
 */
final class OptionsBeforeTheCommand {
    private OptionsBeforeTheCommand() {
    }

    /** Checks the command line and hands the root's connection options to the command that runs. */
    static void apply(ParseResult parsed) {
        List<ParseResult> levels = levels(parsed);
        CommandLine command = levels.get(levels.size() - 1).commandSpec().commandLine();
        String name = "'" + command.getCommandSpec().qualifiedName() + "'";
        long jsonFlags = levels.stream().filter(level -> level.hasMatchedOption("--json")).count();
        if (jsonFlags > 1) {
            throw new ParameterException(command, "--json is given more than once; give it once, before or after "
                    + "the command");
        }
        if (levels.size() < 2) {
            return; // root help or version: nothing to hand on
        }
        for (String option : RootOptions.CONNECTION) {
            OptionSpec before = parsed.matchedOption(option);
            if (before == null) {
                continue;
            }
            OptionSpec own = command.getCommandSpec().findOption(option);
            if (own == null) {
                throw new ParameterException(command, option + " does not apply to " + name
                        + ", which does not use it; leave it out");
            }
            if (levels.subList(1, levels.size()).stream().anyMatch(level -> level.hasMatchedOption(option))) {
                throw new ParameterException(command, option + " is given both before and after " + name
                        + "; give it once");
            }
            own.setValue(before.getValue());
        }
    }

    private static List<ParseResult> levels(ParseResult root) {
        List<ParseResult> levels = new java.util.ArrayList<>();
        for (ParseResult level = root; level != null; level = level.subcommand()) {
            levels.add(level);
        }
        return levels;
    }
}
