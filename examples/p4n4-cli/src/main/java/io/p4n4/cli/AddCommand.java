package io.p4n4.cli;

import io.p4n4.api.project.StackId;
import io.p4n4.core.project.Project;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code p4n4 add STACK}. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a stack to the project, or restore the missing files of one it has (idempotent; existing files and .env values are kept).")
final class AddCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STACK", description = "iot, ai or edge.")
    String stack;

    @Override
    public Integer call() {
        StackId id = projects().stacks().parse(stack);
        Project before = project();
        boolean present = before.stacks().contains(id);
        // a stack already there gets back the files validate reports missing; existing files stay as they are
        List<String> restored = present ? before.restoreMissingFiles(id).stream()
                .map(p -> before.directory().relativize(p).toString()).sorted().toList() : List.of();
        Project after = present ? before : before.add(id);
        boolean changed = !present || !restored.isEmpty();
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stack", id.value());
            m.put("changed", changed);
            m.put("restored", restored);
            m.put("stacks", after.stacks().stream().map(StackId::value).toList());
            JsonOutput.print(out(), m);
        } else if (!present) {
            out().println("Added stack " + id + " (files in stacks/" + id + ", new variables appended to .env)");
        } else if (restored.isEmpty()) {
            out().println("Stack " + id + " is already in the project; nothing changed");
        } else {
            out().println("Stack " + id + " is already in the project; restored its missing files: "
                    + String.join(", ", restored));
        }
        return 0;
    }
}
