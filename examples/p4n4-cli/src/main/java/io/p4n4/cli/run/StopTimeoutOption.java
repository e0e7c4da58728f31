package io.p4n4.cli.run;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -t/--timeout SECONDS} of the commands that stop containers ({@code down}, {@code stop}, {@code restart}). A picocli mixin. */
public final class StopTimeoutOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Seconds each container gets to stop"
            + " before it is killed (default: its service's stop_grace_period, else 10).")
    Integer timeout;

    /** The timeout, or {@code null} for each service's own; a negative one is a usage error. */
    public @Nullable Duration orNull() {
        if (timeout == null) {
            return null;
        }
        if (timeout < 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be 0 or more seconds, not " + timeout);
        }
        return Duration.ofSeconds(timeout);
    }
}
