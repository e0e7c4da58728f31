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
 * {@code p4n4 ei update FILE.eim}: as {@code ei deploy}, keeping a copy of the model it replaces in
 * {@code models/.previous/} for {@code p4n4 ei rollback} (issue 14 redefines the spec's image pull as this).
 */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Deploy a newer .eim model, keeping the one it replaces for p4n4 ei rollback.")
public final class UpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    RestartOptions restart;

    @Parameters(index = "0", paramLabel = "FILE.eim",
            description = "The new model: a path, or the name of a file already in models/.")
    Path model;

    @Override
    public Integer call() {
        return Deployments.run(spec, engineOptions, restart, (d, o) -> d.update(model, o));
    }
}
