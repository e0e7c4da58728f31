package io.p4n4.cli.score;

import io.p4n4.cli.output.InputFiles;
import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.agent.nats.NatsDesiredStateStore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScorePublisher;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.ScoreTypeRegistry;
import java.nio.file.Path;
import java.time.Duration;
import io.p4n4.cli.output.OutputMode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 score publish --device D [--device ...] --name N [--sign-key FILE [--expires-in DURATION]
 * [--min-generation N]] FILE}. The Score is validated (known type, valid shape, no unknown fields)
 * before anything is sent; invalid ones exit 5. Signed, it is written as an envelope bound to its key
 * with the next generation (read, then compare-and-set; retried when another publisher wins). Every device
 * is tried; when one fails, every device's outcome is printed and the command exits with the failure's code
 * (running it again is safe: devices that have the Score report {@code unchanged}).
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Validate a Score (JSON: {\"type\":\"PodmanV0\",\"data\":{...}}) and write it for each device.")
public final class ScorePublishCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    NatsOption nats;

    @Option(names = "--device", required = true, paramLabel = "ID", description = "Target device (repeatable).")
    List<String> devices;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Deployment name.")
    String name;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "Sign with this Ed25519 private key (base64 PKCS#8, from 'p4n4 score keygen').")
    Path signKey;

    @Option(names = "--expires-in", paramLabel = "DURATION",
            description = "With --sign-key: agents refuse to apply the Score after this long (ISO-8601, e.g. PT24H, P7D).")
    Duration expiresIn;

    @Option(names = "--min-generation", paramLabel = "N",
            description = "With --sign-key: sign with at least this generation (after a raw delete or purge the store"
                    + " no longer shows the last one, but agents remember it).")
    Long minGeneration;

    @Parameters(paramLabel = "FILE", description = "The Score document (JSON).")
    Path file;

    @Override
    public Integer call() {
        ScoreCodec codec = ScoreCodec.strict(ScoreTypeRegistry.defaults());
        String scoreJson = InputFiles.read(file);
        try {
            codec.canonicalize(scoreJson);
        } catch (InvalidScoreException e) {
            throw new InvalidFileException(ErrorCode.VALIDATION, file, 0, 0, null, e.getMessage(), e);
        }
        if (signKey == null && (expiresIn != null || minGeneration != null)) {
            throw new P4n4Exception(ErrorCode.USER, "--expires-in and --min-generation need --sign-key: only signed"
                    + " Scores carry an expiry and a generation");
        }
        ScoreSigner signer = signKey == null ? null : ScoreSigner.parse(codec, InputFiles.read(signKey));
        try (NatsDesiredStateStore store = nats.open()) {
            // devices may not create buckets (docs/nats-security.md): the publisher makes both
            store.openBuckets();
            ScorePublisher publisher = ScorePublisher.create(store, codec, signer);
            if (expiresIn != null) {
                publisher = publisher.expiringAfter(expiresIn);
            }
            if (minGeneration != null) {
                publisher = publisher.minimumGeneration(minGeneration);
            }
            ScorePublisher p = publisher;
            boolean signed = signKey != null;
            return new DeviceResults(name, signed, r -> DeviceResults.changeWithRevision(r, signed))
                    .run(spec.commandLine().getOut(), OutputMode.json(spec), () -> p.publish(devices, name, scoreJson),
                            r -> Map.of());
        }
    }
}
