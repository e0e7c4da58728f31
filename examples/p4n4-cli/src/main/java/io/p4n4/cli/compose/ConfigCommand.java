package io.p4n4.cli.compose;

import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.ComposeSerializer;
import io.p4n4.compose.LoadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 compose config}: prints the normalized project like {@code docker compose config}.
 * Exit codes: 3 for an invalid compose file, 5 for a required variable without a value, 2 for a
 * missing file or bad argument.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Parse, interpolate, merge, validate and print the normalized compose model (YAML, or JSON with --json).")
public final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Compose file; repeat to merge several (default: compose.yaml or docker-compose.yml and its override file).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Project env file; repeat for several, later ones win (default: .env in the project directory).")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Enable a profile; repeat for several (default: COMPOSE_PROFILES).")
    List<String> profiles = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME", description = "Project name.")
    String projectName;

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "Directory relative paths resolve against (default: the first file's directory).")
    Path projectDirectory;

    @Override
    public Integer call() {
        LoadOptions.Builder options = LoadOptions.builder();
        files.forEach(options::file);
        envFiles.forEach(options::envFile);
        if (!profiles.isEmpty()) {
            options.profiles(profiles);
        }
        if (projectName != null) {
            options.projectName(projectName);
        }
        if (projectDirectory != null) {
            options.workingDirectory(projectDirectory);
        }
        ComposeProject project = ComposeLoader.load(options.build());
        String text = json() ? ComposeSerializer.toJson(project) : ComposeSerializer.toYaml(project);
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The root command's inherited {@code --json} flag. */
    private boolean json() {
        return io.p4n4.cli.output.OutputMode.json(spec);
    }
}
