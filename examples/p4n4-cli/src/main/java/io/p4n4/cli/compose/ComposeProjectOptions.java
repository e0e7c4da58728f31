package io.p4n4.cli.compose;

import io.p4n4.compose.ComposeLoader;
import io.p4n4.compose.ComposeProject;
import io.p4n4.compose.LoadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * docker compose's project options ({@code -f}, {@code --env-file}, {@code --profile}, {@code -p},
 * {@code --project-directory}), a picocli mixin. They stand on {@code p4n4 compose} (as {@code docker compose -f
 * x.yml up}) and on each subcommand ({@code p4n4 compose up -f x.yml}); lists given at both levels add up, a
 * single value given on the subcommand wins.
 */
public final class ComposeProjectOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Compose file; repeat to merge several (default: COMPOSE_FILE, else compose.yaml or"
                    + " docker-compose.yml and its override file in the current directory).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE",
            description = "Project env file; repeat for several, later ones win (default: .env in the project directory).")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Enable a profile; repeat for several (default: COMPOSE_PROFILES).")
    List<String> profiles = new ArrayList<>();

    @Option(names = {"-p", "--project-name"}, paramLabel = "NAME",
            description = "Project name (default: COMPOSE_PROJECT_NAME, the file's name:, else the project directory's name).")
    @Nullable String projectName;

    @Option(names = "--project-directory", paramLabel = "DIR",
            description = "Directory relative paths resolve against (default: the first file's directory).")
    @Nullable Path projectDirectory;

    /** These options over {@code outer}'s (those of {@code p4n4 compose} itself; null when there are none). */
    LoadOptions loadOptions(@Nullable ComposeProjectOptions outer) {
        LoadOptions.Builder options = LoadOptions.builder();
        List<Path> allFiles = new ArrayList<>();
        List<Path> allEnvFiles = new ArrayList<>();
        List<String> allProfiles = new ArrayList<>();
        String name = projectName;
        Path dir = projectDirectory;
        if (outer != null) {
            allFiles.addAll(outer.files);
            allEnvFiles.addAll(outer.envFiles);
            allProfiles.addAll(outer.profiles);
            name = name != null ? name : outer.projectName;
            dir = dir != null ? dir : outer.projectDirectory;
        }
        allFiles.addAll(files);
        allEnvFiles.addAll(envFiles);
        allProfiles.addAll(profiles);
        allFiles.forEach(options::file);
        allEnvFiles.forEach(options::envFile);
        if (!allProfiles.isEmpty()) {
            options.profiles(allProfiles);
        }
        if (name != null) {
            options.projectName(name);
        }
        if (dir != null) {
            options.workingDirectory(dir);
        }
        return options.build();
    }

    /** Loads the project these options (over {@code outer}'s) name. */
    ComposeProject load(@Nullable ComposeProjectOptions outer) {
        return ComposeLoader.load(loadOptions(outer));
    }
}
