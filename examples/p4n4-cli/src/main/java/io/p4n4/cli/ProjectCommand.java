package io.p4n4.cli;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackId;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.Project;
import io.p4n4.core.project.ProjectService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the project commands share: the root options, the output streams and the library facade. */
abstract class ProjectCommand {
    @Spec
    CommandSpec spec;

    RootOptions root() {
        return ((Root) spec.root().userObject()).options();
    }

    boolean json() {
        return io.p4n4.cli.output.OutputMode.json(spec);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    ProjectService projects() {
        return P4n4.projects();
    }

    Project project() {
        return projects().open(root().startDirectory());
    }

    /** Parses {@code iot,ai} (or {@code all}) into stack ids; USER error for unknown names. */
    List<StackId> parseStacks(String list) {
        if (list.trim().equalsIgnoreCase("all")) {
            return projects().stacks().all().stream().map(d -> d.id()).toList();
        }
        List<StackId> ids = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                ids.add(projects().stacks().parse(name));
            }
        }
        if (ids.isEmpty()) {
            throw new P4n4Exception(ErrorCode.USER, "--stacks is empty; name at least one of "
                    + String.join(", ", projects().stacks().all().stream().map(d -> d.id().value()).toList()));
        }
        return ids;
    }
}
