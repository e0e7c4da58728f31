package io.p4n4.agent.score;

import io.p4n4.api.score.DesiredStateStore;
import io.p4n4.api.score.DeviceIds;
import io.p4n4.api.score.RevisionConflictException;
import io.p4n4.api.score.Score;
import io.p4n4.api.score.StoredScore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes a Score for a list of target devices and deletes it again. Every write is a compare-and-set
 * on the revision just read, so two publishers cannot silently overwrite each other; writes that would
 * not change what is stored are skipped (no revision churn, no agent work).
 *
 * <p>A signing publisher writes signed envelopes ({@link ScoreEnvelope}) bound to the bucket and key,
 * with the generation after the one stored (1 for a new key) and, if set, an expiry; when another
 * publisher writes the key in between, it re-reads and retries, up to {@value #ATTEMPTS} times. Its
 * {@link #delete} writes a signed tombstone instead of deleting the key, since agents that trust
 * signatures ignore raw deletes.
 *
 * <p>Unknown types and malformed Scores are refused before anything is written. Thread-safe if the
 * store is.
 */
public final class ScorePublisher {

    /** How often a signed write is tried when other publishers keep winning the compare-and-set. */
    public static final int ATTEMPTS = 3;

    private final DesiredStateStore store;
    private final ScoreCodec codec;
    private final @Nullable ScoreSigner signer;
    private final @Nullable Duration validity;
    private final Clock clock;
    private final long minimumGeneration;

    private ScorePublisher(DesiredStateStore store, ScoreCodec codec, @Nullable ScoreSigner signer,
            @Nullable Duration validity, Clock clock, long minimumGeneration) {
        this.store = Objects.requireNonNull(store, "store");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.signer = signer;
        this.validity = validity;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minimumGeneration = minimumGeneration;
    }

    /** Returns a publisher writing unsigned Scores, validated with a strict codec of the defaults. */
    public static ScorePublisher create(DesiredStateStore store) {
        return create(store, ScoreCodec.strict(ScoreTypeRegistry.defaults()), null);
    }

    /** Returns a publisher validating with {@code codec} and signing with {@code signer} ({@code null}: unsigned). */
    public static ScorePublisher create(DesiredStateStore store, ScoreCodec codec, @Nullable ScoreSigner signer) {
        return new ScorePublisher(store, codec, signer, null, Clock.systemUTC(), 1);
    }

    /** Returns a copy whose signed Scores expire this long after they are issued (agents then refuse them). */
    public ScorePublisher expiringAfter(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the validity of a Score must be positive, not " + value);
        }
        return new ScorePublisher(store, codec, signer, value, clock, minimumGeneration);
    }

    /** Returns a copy issuing signed Scores at the clock's time (default: UTC system clock). */
    public ScorePublisher withClock(Clock value) {
        return new ScorePublisher(store, codec, signer, validity, value, minimumGeneration);
    }

    /**
     * Returns a copy signing with at least this generation. Needed after a raw delete or purge: the
     * store then no longer shows the last generation, but agents remember it and refuse lower ones.
     */
    public ScorePublisher minimumGeneration(long value) {
        if (value < 1 || value > ScoreEnvelope.MAX_GENERATION) {
            throw new IllegalArgumentException("a generation is 1.." + ScoreEnvelope.MAX_GENERATION + ", not " + value);
        }
        return new ScorePublisher(store, codec, signer, validity, clock, value);
    }

    /** What happened on one device. */
    public enum Change {
        /** The key did not exist and was created. */
        CREATED,
        /** The key held another Score and was updated. */
        UPDATED,
        /** The key already held this Score (for a delete: there was nothing to delete). */
        UNCHANGED,
        /** The key was deleted, or a signed tombstone written over it ({@link #delete}). */
        DELETED,
        /** Writing failed (see {@link Result#error()}); this call changed nothing for the device. */
        FAILED
    }

    /**
     * The outcome of publishing to one device. Immutable.
     *
     * @param device the device
     * @param change what happened
     * @param revision the key's revision after the call (0 when unknown: FAILED, or DELETED without signing)
     * @param generation the signed generation now stored (0 when unsigned or FAILED)
     * @param error why the write failed (FAILED only; never a secret value), else {@code null}
     */
    public record Result(String device, Change change, long revision, long generation, @Nullable String error) {

        /** A result without error. */
        public Result(String device, Change change, long revision, long generation) {
            this(device, change, revision, generation, null);
        }
    }

    /** Publishes a typed Score; see {@link #publish(List, String, String)}. */
    public List<Result> publish(List<String> devices, String deployment, Score score) {
        return write(devices, deployment, codec.encode(score));
    }

    /**
     * Validates and canonicalizes a Score document, signs it if this publisher signs, and writes it to
     * {@code <device>.<deployment>} for every device. Every device is tried, also after one failed.
     *
     * @return what happened on each device, in the order given
     * @throws io.p4n4.api.score.InvalidScoreException before any write, when the document is invalid
     * @throws IncompletePublishException when a device's write failed (the store did not answer, or another
     *     publisher wrote the key meanwhile: a signing publisher {@value #ATTEMPTS} times in a row), with every
     *     device's result; publishing again is safe
     */
    public List<Result> publish(List<String> devices, String deployment, String scoreJson) {
        return write(devices, deployment, codec.canonicalize(scoreJson));
    }

    /**
     * Removes the deployment from every device: deletes the key, or, when signing, writes a signed
     * tombstone with the next generation (also where the key is absent: a raw delete leaves the
     * deployment running on agents that trust signatures). Every device is tried, also after one failed.
     *
     * @return what happened on each device, in the order given: {@link Change#DELETED} where the key was
     *     deleted or a tombstone written, {@link Change#UNCHANGED} where there was nothing to delete (when
     *     signing: the key already holds a tombstone)
     * @throws IncompletePublishException when a device's delete failed, with every device's result; deleting
     *     again is safe
     */
    public List<Result> delete(List<String> devices, String deployment) {
        DeviceIds.requireValid("deployment name", deployment);
        devices.forEach(device -> DeviceIds.requireValid("device id", device));
        return eachDevice(devices, deployment, device -> signer != null ? tombstone(device, deployment)
                : deleteUnsigned(device, deployment));
    }

    private List<Result> write(List<String> devices, String deployment, String canonical) {
        DeviceIds.requireValid("deployment name", deployment);
        devices.forEach(device -> DeviceIds.requireValid("device id", device));
        String scoreJson = signer == null ? null : ScoreEnvelopeCodec.canonicalJson(canonical);
        return eachDevice(devices, deployment, device -> signer == null ? writeUnsigned(device, deployment, canonical)
                : writeSigned(device, deployment, scoreJson));
    }

    /** Runs {@code action} on every device; one device's failure must not leave the others untried or unreported. */
    private static List<Result> eachDevice(List<String> devices, String deployment, Function<String, Result> action) {
        List<Result> results = new ArrayList<>();
        RuntimeException first = null;
        for (String device : devices) {
            try {
                results.add(action.apply(device));
            } catch (RuntimeException e) {
                first = first == null ? e : first;
                results.add(new Result(device, Change.FAILED, 0, 0, String.valueOf(e.getMessage())));
            }
        }
        if (first != null) {
            throw new IncompletePublishException(deployment, results, first);
        }
        return results;
    }

    private Result deleteUnsigned(String device, String deployment) {
        Optional<StoredScore> current = store.find(device, deployment);
        if (current.isEmpty()) {
            return new Result(device, Change.UNCHANGED, 0, 0);
        }
        store.delete(device, deployment);
        return new Result(device, Change.DELETED, 0, 0);
    }

    private Result tombstone(String device, String deployment) {
        Result written = writeSigned(device, deployment, null);
        return written.change() == Change.UNCHANGED ? written
                : new Result(device, Change.DELETED, written.revision(), written.generation());
    }

    private Result writeUnsigned(String device, String deployment, String value) {
        Optional<StoredScore> current = store.find(device, deployment);
        if (current.isPresent() && current.get().value().equals(value)) {
            return new Result(device, Change.UNCHANGED, current.get().revision(), 0);
        }
        long expected = current.map(StoredScore::revision).orElse(0L);
        long revision = store.compareAndSet(device, deployment, value, expected);
        return new Result(device, current.isPresent() ? Change.UPDATED : Change.CREATED, revision, 0);
    }

    /** Writes a signed envelope (a tombstone when {@code scoreJson} is null) with the next generation. */
    private Result writeSigned(String device, String deployment, @Nullable String scoreJson) {
        for (int attempt = 1;; attempt++) {
            Optional<StoredScore> current = store.find(device, deployment);
            Optional<SignedScore> stored = current.flatMap(c -> readQuietly(c.value()));
            if (scoreJson == null ? stored.map(s -> s.envelope().tombstone() && s.envelope().generation() >= minimumGeneration)
                    .orElse(false)
                    : stored.map(s -> same(s, scoreJson)).orElse(false)) {
                return new Result(device, Change.UNCHANGED, current.map(StoredScore::revision).orElse(0L),
                        stored.map(s -> s.envelope().generation()).orElse(0L));
            }
            long generation = Math.max(minimumGeneration, stored.map(s -> s.envelope().generation()).orElse(0L) + 1);
            Instant now = clock.instant();
            ScoreEnvelope envelope = ScoreEnvelope.of(store.bucket(), device, deployment, generation, now,
                    validity == null ? null : now.plus(validity), scoreJson);
            long expected = current.map(StoredScore::revision).orElse(0L);
            try {
                long revision = store.compareAndSet(device, deployment, signer.sign(envelope), expected);
                return new Result(device, current.isPresent() ? Change.UPDATED : Change.CREATED, revision,
                        generation);
            } catch (RevisionConflictException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The stored envelope already holds this Score for this key, signed by this signer, not expiring,
     * at or above the minimum generation.
     */
    private boolean same(SignedScore stored, String scoreJson) {
        ScoreEnvelope e = stored.envelope();
        return scoreJson.equals(e.scoreJson()) && e.expiresAt() == null && validity == null
                && e.generation() >= minimumGeneration
                && e.bucket().equals(store.bucket()) && stored.signature() != null
                && stored.signature().key().equals(signer.keyId());
    }

    private static Optional<SignedScore> readQuietly(String value) {
        try {
            return ScoreEnvelopeCodec.read(value);
        } catch (RuntimeException e) {
            return Optional.empty(); // unreadable or old format: start again at generation 1
        }
    }
}
