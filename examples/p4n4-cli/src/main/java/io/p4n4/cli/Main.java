package io.p4n4.cli;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.JsonError;
import io.p4n4.cli.output.Utf8Streams;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Entry point of the {@code p4n4} example CLI. Everything it does goes through the public p4n4-lib
 * API; this class only maps failures onto the exit codes of {@link ErrorCode}: as {@code error: MESSAGE}
 * on standard error, or with {@code --json} as one JSON line {@code {"error":{...}}} on standard output.
 */
public final class Main {

    private Main() {
    }

    /** Runs the CLI on UTF-8 writers (whatever the locale) and exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        System.exit(run(args, Utf8Streams.stdout(), Utf8Streams.stderr()));
    }

    /**
     * Runs the CLI without exiting, for tests and embedding.
     *
     * @return the exit code: 0 on success, otherwise {@link ErrorCode#exitCode()} of the failure
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = install(CommandTree.forArguments(args), jsonRequested(args));
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** Installs p4n4's execution and error handling on a command tree. */
    static CommandLine install(CommandLine cli, boolean json) {
        cli.setExecutionStrategy(new JsonAwareExecution(json));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof P4n4Exception p) {
                return fail(commandLine, json, p.code(), p.getMessage(), JsonError.of(p));
            }
            String message = "unexpected failure: " + ex;
            return fail(commandLine, json, ErrorCode.GENERAL, message, JsonError.of(ErrorCode.GENERAL, message));
        });
        cli.setExitCodeExceptionMapper(ex -> ex instanceof P4n4Exception p ? p.code().exitCode()
                : ErrorCode.GENERAL.exitCode());
        // picocli's own usage errors are user errors; the usage text helps people, not programs
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine commandLine = ex.getCommandLine();
            int code = fail(commandLine, json, ErrorCode.USER, ex.getMessage(),
                    JsonError.of(ErrorCode.USER, ex.getMessage()));
            if (!json) {
                commandLine.usage(commandLine.getErr());
            }
            return code;
        });
        return cli;
    }

    /** Prints a failure the way the output mode wants it and returns its exit code. */
    static int fail(CommandLine commandLine, boolean json, ErrorCode code, String message, Map<String, Object> doc) {
        if (json) {
            Json.printLine(commandLine.getOut(), doc);
        } else {
            PrintWriter err = commandLine.getErr();
            err.println("error: " + message);
            err.flush();
        }
        return code.exitCode();
    }

    /**
     * Whether {@code --json} is on the command line before any {@code --}. Read from the arguments rather
     * than the parsed option so that a command line picocli cannot parse still gets its error as JSON.
     */
    static boolean jsonRequested(String[] args) {
        for (String a : args) {
            if ("--".equals(a)) {
                return false;
            }
            if ("--json".equals(a)) {
                return true;
            }
        }
        return false;
    }
}
