package io.p4n4.cli.ei;

import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import io.p4n4.cli.output.Sizes;
import io.p4n4.core.P4n4;
import io.p4n4.core.edge.EdgeModel;
import io.p4n4.core.edge.EdgeModels;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 ei list}: the {@code .eim} files in the edge stack's {@code models/} (file name, size, last modified),
 * the active one marked; no rows and a message when there are none. Reads the disk only, so it works while the edge
 * stack is down (unlike the other {@code ei} commands).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the .eim models in the edge stack's models/ folder; * marks the active one (EI_MODEL_FILE).")
public final class ListCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EdgeModels models = EdgeModels.of(P4n4.projects().open(startDirectory(spec)));
        List<EdgeModel> list = models.list();
        String kept = models.findKeptForRollback().orElse(null);
        if (OutputMode.json(spec)) {
            Map<String, Object> doc = EiJson.list(models.directory().toString(), models.activeFileName(), list, kept);
            if (list.isEmpty()) {
                doc.put("message", emptyMessage(models));
            }
            Json.printDocument(out, doc);
            return 0;
        }
        int width = Math.max("FILENAME".length(), list.stream().mapToInt(m -> m.fileName().length()).max().orElse(0));
        String row = "%-1s %-" + width + "s %10s  %s%n";
        out.printf(row, "", "FILENAME", "SIZE", "LAST MODIFIED");
        for (EdgeModel m : list) {
            out.printf(row, m.active() ? "*" : "", m.fileName(), Sizes.human(m.size()), TIME.format(m.lastModified()));
        }
        if (list.isEmpty()) {
            out.println(emptyMessage(models));
        } else if (list.stream().noneMatch(EdgeModel::active)) {
            out.println("EI_MODEL_FILE names " + models.activeFileName() + ", which is not in " + models.directory()
                    + "; deploy it with p4n4 ei deploy FILE.eim");
        }
        if (kept != null) {
            out.println("kept for p4n4 ei rollback: " + kept);
        }
        return 0;
    }

    private static String emptyMessage(EdgeModels models) {
        return "no .eim models in " + models.directory() + "; add one with p4n4 ei deploy FILE.eim";
    }

    static Path startDirectory(CommandSpec spec) {
        OptionSpec o = spec.root().findOption("--project");
        Object v = o == null ? null : o.getValue();
        return v instanceof Path p ? p : Path.of("").toAbsolutePath();
    }
}
