package io.p4n4.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the CLI in this JVM ({@link Main#run}), with what it printed.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code p4n4 ARGS...} and returns its exit code and output. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
