package io.p4n4.cli.ei;

import io.p4n4.cli.run.EngineOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ei deploy FILE.eim}: copies the model into the edge stack's {@code models/}, sets {@code EI_MODEL_FILE}
 * in {@code .env} and recreates the runner through the engine API. Exit 5 for a missing or non-executable file, 4
 * when the edge stack is not running; nothing changes then.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Copy an .eim model into the edge stack's models/, make it active (EI_MODEL_FILE) and restart"
                + " the runner.")
public final class DeployCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    RestartOptions restart;

    @Parameters(index = "0", paramLabel = "FILE.eim",
            description = "The model: a path, or the name of a file already in models/.")
    Path model;

    @Override
    public Integer call() {
        return Deployments.run(spec, engineOptions, restart, (d, o) -> d.deploy(model, o));
    }
}
