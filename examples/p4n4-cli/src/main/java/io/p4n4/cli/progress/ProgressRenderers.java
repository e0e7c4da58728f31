package io.p4n4.cli.progress;

import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.output.Terminal;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Picks the renderer for how the command was run. */
public final class ProgressRenderers {
    private ProgressRenderers() {
    }

    /** JSON lines with {@code --json}, live lines on a terminal, plain lines otherwise; all on the command's output. */
    public static ProgressRenderer create(CommandSpec spec) {
        return create(spec.commandLine().getOut(), OutputMode.json(spec), Terminal.interactive());
    }

    /** The renderer for {@code json} output, or a {@code terminal}, or neither, writing to {@code out}. */
    public static ProgressRenderer create(PrintWriter out, boolean json, boolean terminal) {
        if (json) {
            return new JsonProgress(out);
        }
        return terminal ? new TerminalProgress(out) : new PlainProgress(out);
    }
}
