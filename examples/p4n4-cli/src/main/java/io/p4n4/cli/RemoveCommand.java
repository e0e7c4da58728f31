package io.p4n4.cli;

import io.p4n4.api.project.StackId;
import io.p4n4.core.project.Project;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code p4n4 remove STACK}. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a stack from the manifest (idempotent; its files and .env values are kept).")
final class RemoveCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STACK", description = "iot, ai or edge.")
    String stack;

    @Override
    public Integer call() {
        StackId id = projects().stacks().parse(stack);
        Project before = project();
        Project after = before.remove(id);
        boolean changed = after != before;
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stack", id.value());
            m.put("changed", changed);
            m.put("stacks", after.stacks().stream().map(StackId::value).toList());
            JsonOutput.print(out(), m);
        } else {
            out().println(changed ? "Removed stack " + id + " from the manifest; stacks/" + id
                    + " and its .env values are kept (delete the folder yourself if you no longer need it)"
                    : "Stack " + id + " is not in the project; nothing changed");
        }
        return 0;
    }
}
