package io.p4n4.cli.output;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Reads the root command's inherited {@code --json} switch from any command of the tree. */
public final class OutputMode {
    private OutputMode() {
    }

    /** Whether {@code --json} was given (anywhere on the command line: the option is inherited). */
    public static boolean json(CommandSpec spec) {
        OptionSpec own = spec.findOption("--json");
        if (own != null && Boolean.TRUE.equals(own.getValue())) {
            return true;
        }
        OptionSpec root = spec.root().findOption("--json");
        return root != null && Boolean.TRUE.equals(root.getValue());
    }
}
