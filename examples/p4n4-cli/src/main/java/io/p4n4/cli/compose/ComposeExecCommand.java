package io.p4n4.cli.compose;

import io.p4n4.api.engine.ExecOptions;
import io.p4n4.api.engine.ExecResult;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.run.EngineOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 compose exec [-e K=V] [-u USER] [-w DIR] [--index N] [-T] SERVICE COMMAND [ARG...]}: docker compose
 * v2's {@code exec} without a terminal: runs the command in the service's container, prints its output when it
 * ends and exits with its exit code. Everything after SERVICE belongs to the command (options included).
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = "Run a command in a service's running container and exit with its exit code, like docker compose exec -T.")
public final class ComposeExecCommand implements Callable<Integer> {
    CommandSpec spec;

    @Mixin
    ComposeProjectOptions projectOptions;

    @Mixin
    EngineOptions engineOptions;

    @Parameters(index = "0", paramLabel = "SERVICE", description = "The service.")
    String service;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command and its arguments.")
    List<String> command = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "KEY=VAL", description = "Set an environment variable; repeat for several.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Run as this user (name or UID, optionally :GROUP).")
    String user;

    @Option(names = {"-w", "--workdir"}, paramLabel = "DIR", description = "Run in this directory.")
    String workdir;

    @Option(names = "--index", paramLabel = "N", defaultValue = "1",
            description = "Which container of a scaled service (default: 1).")
    int index;

    @Option(names = {"-T", "--no-TTY"}, description = "No pseudo-terminal (the default: p4n4 never allocates one).")
    boolean noTty;

    /** Options end at SERVICE: what follows is the command's, as in docker compose exec. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.parser().stopAtPositional(true);
    }

    @Override
    public Integer call() {
        ExecOptions options = ExecOptions.defaults();
        for (String e : env) {
            int eq = e.indexOf('=');
            if (eq <= 0) {
                // compose would take the value from the environment; p4n4 does too, and refuses a name it lacks
                String value = eq < 0 ? System.getenv(e) : null;
                if (value == null) {
                    throw new ParameterException(spec.commandLine(), "-e " + (eq < 0 ? e : "'" + e + "'")
                            + ": give KEY=VALUE, or the name of a variable set in this environment");
                }
                options = options.withEnv(e, value);
            } else {
                options = options.withEnv(e.substring(0, eq), e.substring(eq + 1));
            }
        }
        if (user != null) {
            options = options.withUser(user);
        }
        if (workdir != null) {
            options = options.withWorkingDir(workdir);
        }
        if (index < 1) {
            throw new ParameterException(spec.commandLine(), "--index must be 1 or more, not " + index);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (ComposeSession session = ComposeSession.open(spec, projectOptions, engineOptions, List.of(service))) {
            ExecResult r = session.compose().exec(session.project(), service, index, command, options);
            if (OutputMode.json(spec)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("service", service);
                m.put("exit_code", r.exitCode());
                m.put("stdout", r.stdout());
                m.put("stderr", r.stderr());
                Map<String, Object> doc = ComposeJson.result(session, m);
                doc.remove("type");
                Json.printDocument(out, doc);
            } else {
                out.print(r.stdout());
                out.flush();
                err.print(r.stderr());
                err.flush();
            }
            return r.exitCode();
        }
    }
}
