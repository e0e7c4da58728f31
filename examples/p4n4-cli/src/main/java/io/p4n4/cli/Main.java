package io.p4n4.cli;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code p4n4} example CLI. Everything it does goes through the public p4n4-lib
 * API; this class only maps failures onto the exit codes of {@link ErrorCode}.
 */
public final class Main {

    private Main() {
    }

    /** Runs the CLI and exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the CLI without exiting, for tests and embedding.
     *
     * @return the exit code: 0 on success, otherwise {@link ErrorCode#exitCode()} of the failure
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = newCommandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** Builds the command tree with p4n4's error handling installed. */
    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof P4n4Exception p) {
                err.println("error: " + p.getMessage());
                return p.code().exitCode();
            }
            err.println("error: unexpected failure: " + ex);
            return ErrorCode.GENERAL.exitCode();
        });
        cli.setExitCodeExceptionMapper(ex -> ex instanceof P4n4Exception p ? p.code().exitCode()
                : ErrorCode.GENERAL.exitCode());
        // picocli's own usage errors are user errors
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return ErrorCode.USER.exitCode();
        });
        return cli;
    }
}
