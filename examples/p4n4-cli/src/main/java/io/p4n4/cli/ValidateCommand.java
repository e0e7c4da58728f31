package io.p4n4.cli;

import io.p4n4.api.project.ValidationReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code p4n4 validate}: exit 0, 2 (manifest), 3 (compose file invalid) or 5 (files, .env). */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check the manifest, stack files and required .env variables.")
final class ValidateCommand extends ProjectCommand implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"}, description = "List every check that passed.")
    boolean verbose;

    @Override
    public Integer call() {
        ValidationReport report = projects().validate(root().startDirectory());
        if (json()) {
            JsonOutput.print(out(), JsonOutput.report(report));
        } else {
            ReportPrinter.print(report, out(), err(), verbose);
        }
        return report.errorCode().exitCode();
    }
}
