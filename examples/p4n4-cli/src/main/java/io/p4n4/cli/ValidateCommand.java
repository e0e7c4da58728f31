package io.p4n4.cli;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.engine.ContainerEngine;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.cli.run.EngineOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code p4n4 validate}: exit 0, 2 (manifest), 3 (compose file invalid; a clash on the engine), 4 ({@code p4n4-net}
 * missing or with another subnet), 5 (files, .env) or 6 (a stack VERSION or the engine outside the supported
 * range). The engine checks run when an engine answers; without one (or with {@code --offline}) the files are
 * checked and the output says the engine was not.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check the manifest, stack files,"
        + " required .env variables and stack versions; with an engine: its version, p4n4-net and clashes with"
        + " other projects.")
final class ValidateCommand extends ProjectCommand implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"}, description = "List every check that passed.")
    boolean verbose;

    @Option(names = "--offline", description = "Check the files only; do not ask a container engine.")
    boolean offline;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        Path start = root().startDirectory();
        ValidationReport report;
        String engine = null;
        String skipped = null;
        ContainerEngine connected = offline ? null : connectOrNull();
        if (connected != null) {
            try (ContainerEngine e = connected) {
                engine = e.id();
                report = projects().validate(start, e);
            }
        } else {
            report = projects().validate(start);
            skipped = offline ? "--offline" : "no container engine answered (p4n4 doctor shows why)";
        }
        if (json()) {
            Map<String, Object> m = JsonOutput.report(report);
            m.put("engine", engine);
            m.put("engine_checks_skipped", skipped);
            JsonOutput.print(out(), m);
        } else {
            ReportPrinter.print(report, out(), err(), verbose);
            out().println(skipped != null ? "Engine checks skipped: " + skipped + "."
                    : "Engine checks ran on " + engine + ".");
            out().flush();
        }
        return report.errorCode().exitCode();
    }

    /** The engine the options choose, or null when none answers (validate then checks the files only). */
    private ContainerEngine connectOrNull() {
        try {
            return engineOptions.connect();
        } catch (P4n4Exception e) {
            if (e.code() != ErrorCode.ENGINE) {
                throw e;
            }
            return null;
        }
    }
}
