package io.p4n4.cli;

import io.p4n4.api.project.StackId;
import io.p4n4.core.project.Project;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code p4n4 add STACK}. */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add a stack to the project (idempotent; existing .env values are kept).")
final class AddCommand extends ProjectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STACK", description = "iot, ai or edge.")
    String stack;

    @Override
    public Integer call() {
        StackId id = projects().stacks().parse(stack);
        Project before = project();
        Project after = before.add(id);
        boolean changed = after != before;
        if (json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stack", id.value());
            m.put("changed", changed);
            m.put("stacks", after.stacks().stream().map(StackId::value).toList());
            JsonOutput.print(out(), m);
        } else {
            out().println(changed ? "Added stack " + id + " (files in stacks/" + id + ", new variables appended to .env)"
                    : "Stack " + id + " is already in the project; nothing changed");
        }
        return 0;
    }
}
