package io.p4n4.cli.ei;

import io.p4n4.cli.progress.ProgressRenderer;
import io.p4n4.compose.exec.UpOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --timeout S} of the commands that start or recreate the runner. A picocli mixin. */
public final class RestartOptions {
    @Option(names = "--timeout", paramLabel = "S", defaultValue = "300",
            description = "Seconds starting the runner may take (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    /** The options of the runner's (re)creation, reporting to {@code progress}. */
    UpOptions upOptions(ProgressRenderer progress) {
        return UpOptions.builder().timeout(Duration.ofSeconds(timeoutSeconds)).progress(progress).build();
    }
}
