package io.p4n4.agent.score;

import io.p4n4.api.score.DesiredStateStore;
import io.p4n4.api.score.DeviceIds;
import io.p4n4.api.score.Score;
import io.p4n4.api.score.StoredScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Writes a Score for a list of target devices and deletes it again. Every write is a compare-and-set
 * on the revision just read, so two publishers cannot silently overwrite each other; writes whose
 * string equals what is stored are skipped (no revision churn, no agent work).
 *
 * <p>Unknown types and malformed Scores are refused before anything is written. Thread-safe if the
 * store is.
 */
public final class ScorePublisher {

    private final DesiredStateStore store;
    private final ScoreCodec codec;
    private final @Nullable ScoreSigner signer;

    private ScorePublisher(DesiredStateStore store, ScoreCodec codec, @Nullable ScoreSigner signer) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.signer = signer;
    }

    /** Returns a publisher writing unsigned Scores, validated with a strict codec of the defaults. */
    public static ScorePublisher create(DesiredStateStore store) {
        return new ScorePublisher(store, ScoreCodec.strict(ScoreTypeRegistry.defaults()), null);
    }

    /** Returns a publisher validating with {@code codec} and signing with {@code signer} ({@code null}: unsigned). */
    public static ScorePublisher create(DesiredStateStore store, ScoreCodec codec, @Nullable ScoreSigner signer) {
        return new ScorePublisher(store, codec, signer);
    }

    /** What happened on one device. */
    public enum Change {
        /** The key did not exist and was created. */
        CREATED,
        /** The key held another Score and was updated. */
        UPDATED,
        /** The key already held exactly this string. */
        UNCHANGED
    }

    /**
     * The outcome of publishing to one device. Immutable.
     *
     * @param device the device
     * @param change what happened
     * @param revision the key's revision after the call
     */
    public record Result(String device, Change change, long revision) {
    }

    /** Publishes a typed Score; see {@link #publish(List, String, String)}. */
    public List<Result> publish(List<String> devices, String deployment, Score score) {
        return write(devices, deployment, codec.encode(score));
    }

    /**
     * Validates and canonicalizes a Score document, signs it if this publisher signs, and writes it to
     * {@code <device>.<deployment>} for every device.
     *
     * @throws io.p4n4.api.score.InvalidScoreException before any write, when the document is invalid
     * @throws io.p4n4.api.score.RevisionConflictException when another publisher wrote a key meanwhile
     */
    public List<Result> publish(List<String> devices, String deployment, String scoreJson) {
        return write(devices, deployment, codec.canonicalize(scoreJson));
    }

    /** Deletes the deployment from every device; returns the devices that had it. */
    public List<String> delete(List<String> devices, String deployment) {
        DeviceIds.requireValid("deployment name", deployment);
        List<String> had = new ArrayList<>();
        for (String device : devices) {
            DeviceIds.requireValid("device id", device);
            if (store.find(device, deployment).isPresent()) {
                store.delete(device, deployment);
                had.add(device);
            }
        }
        return had;
    }

    private List<Result> write(List<String> devices, String deployment, String canonical) {
        DeviceIds.requireValid("deployment name", deployment);
        devices.forEach(device -> DeviceIds.requireValid("device id", device));
        String value = signer == null ? canonical : signer.sign(canonical);
        List<Result> results = new ArrayList<>();
        for (String device : devices) {
            Optional<StoredScore> current = store.find(device, deployment);
            if (current.isPresent() && current.get().value().equals(value)) {
                results.add(new Result(device, Change.UNCHANGED, current.get().revision()));
                continue;
            }
            long expected = current.map(StoredScore::revision).orElse(0L);
            long revision = store.compareAndSet(device, deployment, value, expected);
            results.add(new Result(device, current.isPresent() ? Change.UPDATED : Change.CREATED, revision));
        }
        return results;
    }
}
