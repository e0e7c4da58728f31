package io.p4n4.cli;

import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Builds the command tree for a command line. picocli builds the model of every command of a tree up front
 * (reflection over each command's fields and annotations), which for p4n4's thirty commands was most of the
 * start-up of a short command. A command line that names its command ({@code p4n4 --json up iot}) gets a tree
 * of the root and that command only; anything else (no command, an unknown one, root help or version) gets
 * the whole tree, so its help lists every command and its errors suggest the near names.
 */
final class CommandTree {
    /** The root options that take a value, written as the next argument or after {@code =}. */
    private static final java.util.Set<String> TAKES_A_VALUE =
            java.util.Set.of("--project", "--engine", "-H", "--host", "--nats");
    private CommandTree() {
    }

    /** The whole tree: every command of {@link RootCommand}. */
    static CommandLine whole() {
        return new CommandLine(new RootCommand());
    }

    /** The smallest tree that runs {@code args} exactly as the whole tree would. */
    static CommandLine forArguments(String[] args) {
        return namedCommand(args).map(CommandTree::single).orElseGet(CommandTree::whole);
    }

    private static CommandLine single(Class<?> command) {
        CommandLine root = new CommandLine(new SingleCommandRoot());
        try {
            root.addSubcommand(new CommandLine(CommandLine.defaultFactory().create(command)));
        } catch (Exception e) {
            return whole(); // cannot happen for the commands of RootCommand; the whole tree reports it properly
        }
        return root;
    }

    /** The command class the first word names, when only root options ({@link RootOptions}) precede it. */
    static Optional<Class<?>> namedCommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (TAKES_A_VALUE.contains(a)) {
                i++;
            } else if (a.equals("--json") || a.startsWith("--") && TAKES_A_VALUE.contains(a.split("=", 2)[0])) {
                continue;
            } else if (a.startsWith("-")) {
                return Optional.empty(); // root help, version, or an error the whole tree should report
            } else {
                return find(a);
            }
        }
        return Optional.empty();
    }

    private static Optional<Class<?>> find(String name) {
        return Arrays.stream(RootCommand.class.getAnnotation(Command.class).subcommands())
                .filter(c -> {
                    Command command = c.getAnnotation(Command.class);
                    return command != null && (command.name().equals(name)
                            || Arrays.asList(command.aliases()).contains(name));
                })
                .findFirst();
    }
}
