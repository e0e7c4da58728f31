package io.p4n4.cli;

import io.p4n4.api.project.StackId;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import java.io.Console;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code p4n4 init PATH [--name N] [--stacks iot,ai,edge] [--force]}. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Scaffold a new project offline: stacks, .env with fresh secrets, manifest.")
final class InitCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PATH", description = "Directory to create the project in.")
    Path path;

    @Option(names = "--name", paramLabel = "N", description = "Project name (default: the directory's name).")
    String name;

    @Option(names = "--stacks", paramLabel = "LIST",
            description = "Comma-separated stacks: iot, ai, edge, or all (asked when absent on a console;"
                    + " otherwise all).")
    String stacks;

    @Option(names = "--force", description = "Write into a non-empty directory (files p4n4 writes are replaced).")
    boolean force;

    @Override
    public Integer call() {
        List<StackId> chosen = stacks != null ? parseStacks(stacks) : askOrAll();
        Path dir = path.isAbsolute() ? path : Path.of("").toAbsolutePath().resolve(path).normalize();
        Project project = projects().init(new InitOptions(dir, name, chosen, force));
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("project", project.directory().toString());
            m.put("name", project.name());
            m.put("stacks", project.stacks().stream().map(StackId::value).toList());
            JsonOutput.print(out(), m);
        } else {
            out().println("Created project '" + project.name() + "' in " + project.directory());
            out().println("  stacks: " + String.join(", ", project.stacks().stream().map(StackId::value).toList()));
            out().println("  secrets: generated into .env (mode 0600, git-ignored); see them masked with"
                    + " `p4n4 secret show`");
            out().println("Next: cd " + path + " && p4n4 validate");
        }
        return 0;
    }

    private List<StackId> askOrAll() {
        Console console = io.p4n4.cli.output.Terminal.promptConsole();
        List<StackId> all = projects().stacks().all().stream().map(d -> d.id()).toList();
        if (console == null) {
            return all;
        }
        String answer = console.readLine("Stacks to scaffold [%s]: ",
                String.join(",", all.stream().map(StackId::value).toList()));
        return answer == null || answer.isBlank() ? all : parseStacks(answer);
    }
}
