package io.p4n4.agent.internal;

import io.p4n4.api.score.InvalidScoreException;
import io.p4n4.api.score.StoredScore;
import io.p4n4.agent.score.DecodedScore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.ScoreEnvelope;
import io.p4n4.agent.score.ScoreEnvelopeCodec;
import io.p4n4.agent.score.SignedScore;
import io.p4n4.agent.score.TrustedKeySet;
import io.p4n4.agent.score.internal.CanonicalJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a stored value may be acted on. Without trusted keys every readable Score (plain,
 * or the Score inside an envelope) is admitted. With trusted keys only a signed envelope is, and only
 * when it was signed for this bucket and this key, has not expired, was not issued further in the future than
 * the clock-skew tolerance, and its generation is above the
 * highest accepted for the key (the same generation is admitted again only for the very same signed
 * envelope: that is the current Score, re-read after a restart or relist). Not thread-safe.
 */
final class ScoreAdmission {

    private final ScoreCodec codec;
    private final TrustedKeySet trustedKeys;
    private final String bucket;
    private final Clock clock;
    private final @Nullable GenerationLedger ledger;
    private final Duration clockSkewTolerance;

    /** What may be acted on: a Score to apply, or (score {@code null}) a signed tombstone. */
    record Admitted(@Nullable DecodedScore score, long generation) {
    }

    ScoreAdmission(ScoreCodec codec, TrustedKeySet trustedKeys, String bucket, Clock clock,
            @Nullable GenerationLedger ledger, Duration clockSkewTolerance) {
        if (!trustedKeys.isEmpty() && ledger == null) {
            throw new IllegalArgumentException("trusted keys need a generation ledger");
        }
        this.codec = codec;
        this.trustedKeys = trustedKeys;
        this.bucket = bucket;
        this.clock = clock;
        this.ledger = ledger;
        this.clockSkewTolerance = clockSkewTolerance;
    }

    /** Returns whether only signed envelopes are admitted (and raw deletes are refused). */
    boolean signaturesRequired() {
        return !trustedKeys.isEmpty();
    }

    /** Returns the highest generation accepted for {@code <device>.<deployment>}, or 0. */
    long highestAccepted(String key) {
        return ledger == null ? 0 : ledger.find(key).map(GenerationLedger.Mark::generation).orElse(0L);
    }

    /**
     * Checks the stored value and, with trusted keys, records its generation as accepted.
     *
     * @throws InvalidScoreException saying why it is refused
     */
    Admitted admit(StoredScore stored) {
        String key = stored.device() + "." + stored.deployment();
        Optional<SignedScore> signed = ScoreEnvelopeCodec.read(stored.value());
        if (trustedKeys.isEmpty()) {
            return signed.map(s -> new Admitted(decode(s.envelope()), s.envelope().generation()))
                    .orElseGet(() -> new Admitted(codec.decode(stored.value()), 0));
        }
        if (signed.isEmpty()) {
            boolean oldSigned = codec.decode(stored.value()).findSignature().isPresent();
            throw new InvalidScoreException(null, oldSigned
                    ? "the Score at " + bucket + "/" + key + " is signed in the old format (signature over"
                            + " {type,data} only, not bound to its key and generation), which this agent no"
                            + " longer accepts; re-publish it with 'p4n4 score publish --sign-key'"
                    : "the Score at " + bucket + "/" + key + " is not signed and this agent only accepts"
                            + " Scores signed by " + trustedKeys.ids(), null);
        }
        SignedScore s = signed.get();
        trustedKeys.verify(s);
        ScoreEnvelope envelope = s.envelope();
        if (!envelope.bucket().equals(bucket) || !envelope.key().equals(key)) {
            throw new InvalidScoreException(null, "the Score found at " + bucket + "/" + key + " was signed for "
                    + envelope.bucket() + "/" + envelope.key() + " (copied or replayed?); publish a Score"
                    + " signed for this key", null);
        }
        if (envelope.expiresAt() != null && !clock.instant().isBefore(envelope.expiresAt())) {
            throw new InvalidScoreException(null, "the Score at " + bucket + "/" + key + " (generation "
                    + envelope.generation() + ") expired at " + envelope.expiresAt() + "; publish it again", null);
        }
        Instant now = clock.instant();
        if (envelope.issuedAt().isAfter(now.plus(clockSkewTolerance))) {
            // a publisher clock far ahead would let it pre-date Scores: refuse, whoever's clock is wrong
            throw new InvalidScoreException(null, "the Score at " + bucket + "/" + key + " (generation "
                    + envelope.generation() + ") was issued at " + envelope.issuedAt() + ", later than this device's"
                    + " clock (" + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ") plus the allowed"
                    + " clock skew of " + clockSkewTolerance + "; check the clocks of the publisher and the device"
                    + " (NTP), then publish it again", null);
        }
        String digest = CanonicalJson.sha256Hex(s.signedText());
        GenerationLedger.Mark mark = ledger.find(key).orElse(null);
        if (mark != null && (envelope.generation() < mark.generation()
                || envelope.generation() == mark.generation() && !digest.equals(mark.digest()))) {
            throw new InvalidScoreException(null, "the Score at " + bucket + "/" + key + " has generation "
                    + envelope.generation() + ", not above generation " + mark.generation() + " already accepted"
                    + " on this device (rollback or replay refused); publish it with a higher generation", null);
        }
        DecodedScore score = decode(envelope);
        if (mark == null || envelope.generation() > mark.generation()) {
            ledger.record(key, envelope.generation(), digest);
        }
        return new Admitted(score, envelope.generation());
    }

    private @Nullable DecodedScore decode(ScoreEnvelope envelope) {
        return envelope.tombstone() ? null : codec.decode(envelope.scoreJson());
    }
}
