package io.p4n4.cli.ei;

import io.p4n4.cli.run.EngineOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ei rollback}: brings back the model {@code p4n4 ei update} kept and restarts the runner; the model it
 * replaces is kept in turn, so a second rollback rolls forward. Exit 2 when nothing is kept.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore the model p4n4 ei update replaced and restart the runner (again: roll forward).")
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engineOptions;

    @Mixin
    RestartOptions restart;

    @Override
    public Integer call() {
        return Deployments.run(spec, engineOptions, restart, (d, o) -> d.rollback(o));
    }
}
