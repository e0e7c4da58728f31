package io.p4n4.cli;

import io.p4n4.api.project.StackId;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import io.p4n4.core.stack.BundledStackProvider;
import java.io.Console;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code p4n4 init [PATH] [--name N] [--stacks iot,ai,edge] [--force]}: PATH defaults to {@code --project}, then
 * the current directory. On a terminal it asks the spec's questions (project name, stacks) that options did not
 * answer; without a terminal it asks nothing and takes the defaults.
 */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Scaffold a new project offline: stacks,"
        + " .env with fresh secrets, manifest. On a terminal, asks for the project name and the stacks.")
final class InitCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "Directory to create the project in (default: --project, then the current directory).")
    Path path;

    @Option(names = "--name", paramLabel = "N",
            description = "Project name (asked on a terminal when absent; default: the directory's name).")
    String name;

    @Option(names = "--stacks", paramLabel = "LIST",
            description = "Comma-separated stacks: iot, ai, edge, or all (asked when absent on a console;"
                    + " otherwise all).")
    String stacks;

    @Option(names = "--force", description = "Write into a non-empty directory (files p4n4 writes are replaced).")
    boolean force;

    @Option(names = "--template", paramLabel = "NAME",
            description = "Pull this registry template into the new project (its stacks are added to --stacks).")
    String template;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "A value for one of the template's variables (repeatable; needs --template).")
    Map<String, String> set = new LinkedHashMap<>();

    @picocli.CommandLine.Mixin
    io.p4n4.cli.template.RegistryOptions registries;

    @Override
    public Integer call() {
        Path given = path != null ? path : root().startDirectory();
        Path dir = given.isAbsolute() ? given.normalize() : Path.of("").toAbsolutePath().resolve(given).normalize();
        Console console = io.p4n4.cli.output.Terminal.promptConsole();
        String chosenName = name != null || console == null ? name : askName(console, dir);
        if (template == null && (!set.isEmpty() || registries.anyGiven())) {
            throw new io.p4n4.api.P4n4Exception(io.p4n4.api.ErrorCode.USER,
                    "--set, --registry, --offline and --cache need --template NAME");
        }
        io.p4n4.core.template.TemplateRegistry registry = template == null ? null : registries.registry();
        io.p4n4.core.template.PreparedTemplate prepared = template == null ? null
                : registry.prepare(registries.registries(null), template);
        try {
            List<StackId> chosen = new java.util.ArrayList<>(stacks != null ? parseStacks(stacks)
                    : prepared != null ? List.of() : askOrAll(console));
            if (prepared != null) {
                for (String s : prepared.descriptor().requiresStacks()) {
                    StackId id = projects().stacks().parse(s);
                    if (!chosen.contains(id)) {
                        chosen.add(id);
                    }
                }
            }
            Project project = projects().init(new InitOptions(dir, chosenName, chosen, force));
            io.p4n4.api.template.PullReport pulled = prepared == null ? null
                    : registry.pull(prepared, project.directory(), set, false);
            print(project, dir, pulled);
        } finally {
            if (prepared != null) {
                prepared.close();
            }
        }
        return 0;
    }

    private void print(Project project, Path dir, io.p4n4.api.template.PullReport pulled) {
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("project", project.directory().toString());
            m.put("name", project.name());
            m.put("stacks", project.stacks().stream().map(StackId::value).toList());
            m.put("template", pulled == null ? null : io.p4n4.cli.template.RegistryOptions.pullJson(pulled));
            JsonOutput.print(out(), m);
        } else {
            out().println("Created project '" + project.name() + "' in " + project.directory());
            out().println("  stacks: " + String.join(", ", project.stacks().stream().map(StackId::value).toList()));
            out().println("  secrets: generated into .env (mode 0600, git-ignored); see them masked with"
                    + " `p4n4 secret show`");
            out().println("Next: " + (dir.equals(Path.of("").toAbsolutePath()) ? "" : "cd " + dir + " && ")
                    + "p4n4 validate");
            if (project.stacks().contains(StackId.AI)) {
                out().println("Then, for the n8n workflows (manual steps):");
                BundledStackProvider.N8N_NEXT_STEPS.forEach(step -> out().println("  - " + step));
            }
            if (pulled != null) {
                io.p4n4.cli.template.RegistryOptions.printPull(out(), pulled);
            }
        }
    }

    private static String askName(Console console, Path dir) {
        String fallback = dir.getFileName() == null ? "p4n4" : dir.getFileName().toString();
        String answer = console.readLine("Project name [%s]: ", fallback);
        return answer == null || answer.isBlank() ? null : answer.trim();
    }

    private List<StackId> askOrAll(Console console) {
        List<StackId> all = projects().stacks().all().stream().map(d -> d.id()).toList();
        if (console == null) {
            return all;
        }
        String answer = console.readLine("Stacks to scaffold [%s]: ",
                String.join(",", all.stream().map(StackId::value).toList()));
        return answer == null || answer.isBlank() ? all : parseStacks(answer);
    }
}
