package io.p4n4.cli.score;

import io.p4n4.api.score.StoredScore;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreSummary;
import io.p4n4.server.api.ScoreJson;
import io.p4n4.agent.score.ScoreTypeRegistry;
import java.io.PrintWriter;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 score list [--device D]}: one line per stored Score (type TOMBSTONE for a signed delete);
 * with {@code --json} an array of them. Signatures are shown, not verified: agents verify.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List stored Scores.")
public final class ScoreListCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    NatsOption nats;

    @Option(names = "--device", paramLabel = "ID", description = "Only this device (default: all devices).")
    String device;

    @Override
    public Integer call() {
        ScoreCodec codec = ScoreCodec.lenient(ScoreTypeRegistry.defaults());
        PrintWriter out = spec.commandLine().getOut();
        boolean json = OutputMode.json(spec);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!json) {
            out.printf("%-20s %-20s %8s  %-10s %-8s %s%n", "DEVICE", "DEPLOYMENT", "REVISION", "TYPE", "SIGNED",
                    "HASH");
        }
        try (NatsDesiredStateStore store = nats.open()) {
            List<String> devices = device != null ? List.of(device) : store.devices();
            for (String d : devices) {
                for (StoredScore s : store.list(d)) {
                    ScoreSummary summary = ScoreSummary.of(s, codec);
                    if (json) {
                        rows.add(ScoreJson.row(summary));
                    } else {
                        out.printf("%-20s %-20s %8d  %-10s %-8s %s%n", s.device(), s.deployment(), s.revision(),
                                summary.type(), !summary.valid() ? "-" : summary.signedBy() == null ? "no"
                                        : summary.signedBy(), summary.valid() ? summary.hash().substring(0, 12) : "-");
                    }
                }
            }
        }
        if (json) {
            Json.printDocument(out, rows);
        }
        return 0;
    }
}
