package io.p4n4.cli.template;

import io.p4n4.api.project.ManifestDocument;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.core.P4n4;
import io.p4n4.core.project.Project;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** What the template commands share: output, the root's {@code --project} and the project, when there is one. */
abstract class TemplateBase {
    @Spec
    CommandSpec spec;

    boolean json() {
        return OutputMode.json(spec);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(Object value) {
        Json.printDocument(out(), value);
    }

    Path startDirectory() {
        OptionSpec o = spec.root().findOption("--project");
        Object v = o == null ? null : o.getValue();
        return v instanceof Path p ? p.toAbsolutePath() : Path.of("").toAbsolutePath();
    }

    /** The project the command runs in; USER error when there is none. */
    Project project() {
        return P4n4.projects().open(startDirectory());
    }

    /** The manifest of the project around the start directory, if there is one. */
    Optional<ManifestDocument> manifestIfAny() {
        return io.p4n4.api.project.ProjectRoot.find(startDirectory()).map(dir -> project().manifest());
    }

    /** Prints a notice (a cached snapshot's age) on standard error in text mode. */
    void notice(String text) {
        if (!text.isEmpty() && !json()) {
            err().println("note: " + text);
        }
    }
}
