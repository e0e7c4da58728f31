package io.p4n4.cli.score;

import io.p4n4.cli.output.InputFiles;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScorePublisher.Change;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.cli.output.OutputMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 score delete --device D [--device ...] --name N [--sign-key FILE [--min-generation N]]}: the agents then remove the
 * containers. With a signing key it writes a signed tombstone (next generation) instead of deleting the key:
 * agents that trust signatures ignore raw deletes.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a deployment from devices (with --sign-key: publish a signed tombstone).")
public final class ScoreDeleteCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    NatsOption nats;

    @Option(names = "--device", required = true, paramLabel = "ID", description = "Device (repeatable).")
    List<String> devices;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Deployment name.")
    String name;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "Sign a tombstone with this Ed25519 private key (base64 PKCS#8) instead of deleting the key.")
    Path signKey;

    @Option(names = "--min-generation", paramLabel = "N",
            description = "With --sign-key: sign the tombstone with at least this generation (after a raw delete or"
                    + " purge agents remember a generation the store no longer shows; their status names it).")
    Long minGeneration;

    @Override
    public Integer call() {
        if (signKey == null && minGeneration != null) {
            throw new P4n4Exception(ErrorCode.USER, "--min-generation needs --sign-key: only tombstones carry a"
                    + " generation");
        }
        ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());
        ScoreSigner signer = signKey == null ? null : ScoreSigner.parse(codec, InputFiles.read(signKey));
        try (NatsDesiredStateStore store = nats.open()) {
            ScorePublisher publisher = ScorePublisher.create(store, codec, signer);
            if (minGeneration != null) {
                publisher = publisher.minimumGeneration(minGeneration);
            }
            ScorePublisher p = publisher;
            boolean signed = signer != null;
            return new DeviceResults(name, signed, r -> describe(r, signed))
                    .run(spec.commandLine().getOut(), OutputMode.json(spec), () -> p.delete(devices, name),
                            r -> Map.of("deleted", r.change() == Change.DELETED));
        }
    }

    private static String describe(ScorePublisher.Result r, boolean signed) {
        boolean deleted = r.change() == Change.DELETED;
        if (!signed) {
            return deleted ? "deleted" : "not present";
        }
        return (deleted ? "signed tombstone written" : "already a signed tombstone") + " (revision " + r.revision()
                + ", generation " + r.generation() + ")";
    }
}
