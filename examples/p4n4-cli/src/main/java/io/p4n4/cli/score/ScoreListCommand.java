package io.p4n4.cli.score;

import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.api.score.StoredScore;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.DecodedScore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreTypeRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p4n4 score list [--device D]}: one line per stored Score. */
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
        out.printf("%-20s %-20s %8s  %-10s %-8s %s%n", "DEVICE", "DEPLOYMENT", "REVISION", "TYPE", "SIGNED", "HASH");
        try (NatsDesiredStateStore store = nats.open()) {
            List<String> devices = device != null ? List.of(device) : store.devices();
            for (String d : devices) {
                for (StoredScore s : store.list(d)) {
                    String type;
                    String hash;
                    String signed;
                    try {
                        DecodedScore decoded = codec.decode(s.value());
                        type = decoded.score().type();
                        hash = decoded.hash().substring(0, 12);
                        signed = decoded.findSignature().map(sig -> sig.key()).orElse("no");
                    } catch (InvalidScoreException e) {
                        type = "INVALID";
                        hash = "-";
                        signed = "-";
                    }
                    out.printf("%-20s %-20s %8d  %-10s %-8s %s%n", s.device(), s.deployment(), s.revision(),
                            type, signed, hash);
                }
            }
        }
        return 0;
    }
}
