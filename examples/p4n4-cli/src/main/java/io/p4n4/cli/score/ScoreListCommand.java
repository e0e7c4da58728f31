package io.p4n4.cli.score;

import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.api.score.StoredScore;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.DecodedScore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreEnvelopeCodec;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.agent.score.SignedScore;
import java.io.PrintWriter;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                    String type;
                    String hash;
                    String signed;
                    String fullHash = null;
                    Long generation = null;
                    try {
                        // a signed envelope holds the Score; a plain document is the Score
                        Optional<SignedScore> envelope = ScoreEnvelopeCodec.read(s.value());
                        generation = envelope.map(e -> e.envelope().generation()).orElse(null);
                        signed = envelope.map(e -> e.signature() == null ? null : e.signature().key())
                                .orElseGet(() -> codec.decode(s.value()).findSignature().map(sig -> sig.key() + " (old format)")
                                        .orElse(null));
                        if (envelope.isPresent() && envelope.get().envelope().tombstone()) {
                            type = "TOMBSTONE";
                            fullHash = sha256(envelope.get().signedText());
                        } else {
                            DecodedScore decoded = codec.decode(envelope.map(e -> e.envelope().scoreJson())
                                    .orElse(s.value()));
                            type = decoded.score().type();
                            fullHash = decoded.hash();
                        }
                        hash = fullHash.substring(0, 12);
                    } catch (InvalidScoreException e) {
                        type = "INVALID";
                        hash = "-";
                        signed = "-";
                    }
                    if (json) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("device", s.device());
                        row.put("deployment", s.deployment());
                        row.put("revision", s.revision());
                        row.put("type", type);
                        row.put("valid", fullHash != null);
                        row.put("signed_by", fullHash == null ? null : signed);
                        row.put("generation", generation);
                        row.put("hash", fullHash);
                        rows.add(row);
                    } else {
                        out.printf("%-20s %-20s %8d  %-10s %-8s %s%n", s.device(), s.deployment(), s.revision(),
                                type, signed == null ? "no" : signed, hash);
                    }
                }
            }
        }
        if (json) {
            Json.printDocument(out, rows);
        }
        return 0;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
