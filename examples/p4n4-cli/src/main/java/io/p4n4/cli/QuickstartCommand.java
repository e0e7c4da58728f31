package io.p4n4.cli;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.cli.run.DemoStarter;
import io.p4n4.cli.run.EngineOptions;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/** {@code p4n4 quickstart}: a demo project with every stack in ./p4n4-demo, validated. */
@Command(name = "quickstart", mixinStandardHelpOptions = true, description = "Scaffold ./p4n4-demo (or DIR/p4n4-demo with --project DIR) with all"
        + " stacks and validate it.")
final class QuickstartCommand extends ProjectCommand implements Callable<Integer> {
    static final String DIR = "p4n4-demo";
    /** Marks a demo quickstart made, so a later quickstart may replace it (and nothing else). */
    static final String MARKER = ".p4n4-quickstart";

    @picocli.CommandLine.Option(names = "--no-up",
            description = "Only scaffold and validate; do not start the demo even when an engine answers.")
    boolean noUp;

    @picocli.CommandLine.Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        // --project names the folder to work in (default: the current directory)
        Path base = root().project != null ? root().project.toAbsolutePath() : Path.of("").toAbsolutePath();
        Path dir = base.resolve(DIR).normalize();
        boolean replaced = false;
        if (Files.exists(dir)) {
            if (!Files.exists(dir.resolve(MARKER))) {
                throw new P4n4Exception(ErrorCode.USER, dir + " exists and was not made by p4n4 quickstart;"
                        + " move it away or run quickstart from another directory");
            }
            deleteTree(dir);
            replaced = true;
        }
        Project project = projects().init(InitOptions.of(dir, StackId.bundled()).withName(DIR));
        Files.writeString(dir.resolve(MARKER), "made by p4n4 quickstart; the next quickstart replaces this folder\n");
        ValidationReport report = project.validate();
        boolean start = !noUp && report.errorCode() == ErrorCode.OK;
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("project", dir.toString());
            m.put("replaced_previous_demo", replaced);
            m.put("stacks", project.stacks().stream().map(StackId::value).toList());
            m.put("validation", JsonOutput.report(report));
            // null: not tried (--no-up, or the project did not validate)
            m.put("demo", start ? DemoStarter.start(project, engineOptions, out(), true) : null);
            JsonOutput.print(out(), m);
            return report.errorCode().exitCode();
        }
        out().println((replaced ? "Replaced the previous demo: " : "Created ") + dir);
        out().println("  stacks      iot (Mosquitto, InfluxDB, Node-RED, Grafana; creates p4n4-net 172.20.0.0/16)");
        out().println("              ai (Ollama, Letta, n8n + 8 workflows), edge (Edge Impulse runner, models/)");
        out().println("  secrets     generated into " + DIR + "/.env (mode 0600, git-ignored)");
        out().println("  manifest    " + DIR + "/.p4n4.json (manifest-v1, cli_version " + project.v1Manifest().cliVersion()
                + ")");
        ReportPrinter.print(report, out(), err(), false);
        out().println();
        out().println("Next steps:");
        out().println("  cd " + DIR);
        out().println("  p4n4 secret show                  # the generated secrets, masked");
        out().println("  p4n4 validate                     # re-check after you edit .env or a stack");
        out().println("  p4n4 up --wait                    # iot, then ai, then edge, each healthy before the next");
        if (start) {
            DemoStarter.start(project, engineOptions, out(), false); // says why when it cannot start the demo
        }
        return report.errorCode().exitCode();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
