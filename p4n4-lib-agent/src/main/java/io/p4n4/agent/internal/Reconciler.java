package io.p4n4.agent.internal;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.score.ApplyOutcome;
import io.p4n4.api.score.DeployedScore;
import io.p4n4.api.score.DeploymentState;
import io.p4n4.api.score.DeploymentStatus;
import io.p4n4.api.score.DesiredStateEvent;
import io.p4n4.api.score.Score;
import io.p4n4.api.score.StoredScore;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import io.p4n4.agent.events.AgentEvent;
import io.p4n4.agent.score.DecodedScore;
import io.p4n4.agent.score.ScoreCodec;
import io.p4n4.agent.score.TrustedKeySet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconcile logic of one device: decides from the desired Scores (store) and the deployed ones
 * (interpreters) what to create, replace and remove. Change is decided by comparing the stored
 * strings; after a restart, by comparing Score hashes with what the runtime reports, so nothing is
 * started twice. Not thread-safe: the agent calls it from its single worker thread.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Topology topology;
    private final ScoreAdmission admission;
    private final String bucket;
    private final Map<String, ScoreInterpreter<?>> interpreters;
    private final AgentEvents events;
    private final Map<String, Tracked> tracked = new TreeMap<>();
    /** Deployments removed by a signed tombstone, with the stored tombstone: not acted on again. */
    private final Map<String, String> tombstones = new HashMap<>();
    /**
     * The revision at which each deployment was last removed. A watch that was re-created from an older
     * revision (after a server of the cluster died) replays puts the relist has already seen deleted:
     * without this they would start the deployment again.
     */
    private final Map<String, Long> removedAt = new HashMap<>();
    private String lastError;

    /**
     * Creates the reconciler; interpreters are keyed by the Score type they apply. With trusted keys a
     * ledger is required: it holds the highest generation accepted per key.
     */
    public Reconciler(Topology topology, ScoreCodec codec, TrustedKeySet trustedKeys, String bucket, Clock clock,
            @Nullable GenerationLedger ledger, Duration clockSkewTolerance, List<ScoreInterpreter<?>> interpreters,
            AgentEvents events) {
        this.topology = topology;
        this.events = events;
        this.admission = new ScoreAdmission(codec, trustedKeys, bucket, clock, ledger, clockSkewTolerance);
        this.bucket = bucket;
        this.interpreters = new LinkedHashMap<>();
        for (ScoreInterpreter<?> interpreter : interpreters) {
            this.interpreters.put(interpreter.scoreType().name(), interpreter);
        }
    }

    /** Applies one watch event; stale events (revision not newer than what was acted on) are ignored. */
    public void onEvent(DesiredStateEvent event) {
        if (stale(event.deployment(), event.revision())) {
            return;
        }
        if (event.operation() == DesiredStateEvent.Operation.PUT) {
            converge(new StoredScore(event.device(), event.deployment(), event.value(), event.revision()),
                    deployedHashes());
        } else if (admission.signaturesRequired()) {
            refuseRawDelete(event.deployment(), event.revision());
        } else {
            remove(event.deployment(), event.revision(), "deleted from the store: removed what it ran");
        }
    }

    /**
     * Whether {@code revision} is older than what was last acted on for the deployment: a replayed watch
     * event, or a read served by a cluster member that is still catching up.
     */
    private boolean stale(String deployment, long revision) {
        Tracked known = tracked.get(deployment);
        if (known != null) {
            return revision <= known.revision();
        }
        return revision <= removedAt.getOrDefault(deployment, 0L);
    }

    /** Converges on a full listing of the desired state: the ground truth, run periodically. */
    public void relist(List<StoredScore> desired) {
        Map<String, String> deployed = deployedHashes();
        Set<String> wanted = new HashSet<>();
        for (StoredScore score : desired) {
            wanted.add(score.deployment());
            Tracked known = tracked.get(score.deployment());
            if (known != null && score.revision() < known.revision()
                    || known == null && score.revision() <= removedAt.getOrDefault(score.deployment(), 0L)) {
                // read from a replica behind what the watch already delivered: keep what runs
                continue;
            }
            converge(score, deployed);
        }
        for (String deployment : new HashSet<>(deployed.keySet())) {
            if (wanted.contains(deployment)) {
                continue;
            }
            if (admission.signaturesRequired()) {
                Tracked known = tracked.get(deployment);
                refuseRawDelete(deployment, known == null ? 0 : known.revision());
                wanted.add(deployment); // keep reporting it
            } else {
                Tracked known = tracked.get(deployment);
                remove(deployment, known == null ? 0 : known.revision(), "no longer desired: removed what it ran");
            }
        }
        tracked.keySet().retainAll(wanted);
        tombstones.keySet().retainAll(wanted);
    }

    /** Returns the status of every known deployment, by name. */
    public Map<String, DeploymentStatus> statuses() {
        Map<String, DeploymentStatus> out = new TreeMap<>();
        tracked.forEach((name, t) -> out.put(name, t.toStatus(name)));
        return out;
    }

    /** Returns the last runtime error met, or {@code null}. */
    public String lastError() {
        return lastError;
    }

    private void converge(StoredScore stored, Map<String, String> deployed) {
        String deployment = stored.deployment();
        if (stored.value().equals(tombstones.get(deployment))) {
            return;
        }
        tombstones.remove(deployment);
        Tracked known = tracked.get(deployment);
        if (known != null && known.value().equals(stored.value())) {
            boolean stillRunning = known.state() == DeploymentState.RUNNING
                    && known.hash().equals(deployed.get(deployment));
            if (stillRunning || known.state() == DeploymentState.REJECTED) {
                tracked.put(deployment, new Tracked(known.value(), Math.max(known.revision(), stored.revision()),
                        known.state(), known.hash(), known.message()));
                return;
            }
        }
        Tracked result = apply(stored, deployed.get(deployment));
        if (result == null) {
            tracked.remove(deployment);
        } else {
            tracked.put(deployment, result);
        }
    }

    /** Returns what became of the deployment, or {@code null} when a signed tombstone removed it. */
    private @Nullable Tracked apply(StoredScore stored, String deployedHash) {
        String deployment = stored.deployment();
        ScoreAdmission.Admitted admitted;
        try {
            admitted = admission.admit(stored);
        } catch (P4n4Exception e) {
            LOG.warn("rejecting deployment {} (revision {}): {}", deployment, stored.revision(), e.getMessage());
            events.warn(deployment, AgentEvent.REJECTED, e.code(), String.valueOf(e.getMessage()));
            Tracked known = tracked.get(deployment);
            // what runs keeps running: only the status says the new value was refused
            return new Tracked(stored.value(), stored.revision(), DeploymentState.REJECTED,
                    known == null ? null : known.hash(), e.getMessage());
        }
        if (admitted.score() == null) {
            LOG.info("deployment {}: signed tombstone (generation {}): removing what it runs", deployment,
                    admitted.generation());
            remove(deployment, stored.revision(), "signed tombstone (generation " + admitted.generation()
                    + "): removed what the deployment ran");
            tombstones.put(deployment, stored.value());
            return null;
        }
        DecodedScore decoded = admitted.score();
        ScoreInterpreter<?> interpreter = interpreters.get(decoded.score().type());
        if (interpreter == null) {
            String why = "no interpreter for Score type " + decoded.score().type() + " on this agent";
            events.warn(deployment, AgentEvent.REJECTED, ErrorCode.COMPATIBILITY, why);
            return new Tracked(stored.value(), stored.revision(), DeploymentState.REJECTED, decoded.hash(), why);
        }
        Optional<String> refusal;
        try {
            refusal = PlatformCheck.refusal(interpreter, decoded.score().type(), topology);
        } catch (RuntimeException e) {
            // the engine did not say what it runs: like an engine error when applying, retried at the next relist
            lastError = deployment + ": " + e.getMessage();
            LOG.warn("deployment {}: interpreter {} cannot tell what it runs: {}", deployment, interpreter.id(),
                    e.toString());
            events.warn(deployment, AgentEvent.APPLY_FAILED, AgentEvents.codeOf(e, ErrorCode.ENGINE),
                    String.valueOf(e.getMessage()));
            return new Tracked(stored.value(), stored.revision(), DeploymentState.FAILED, decoded.hash(),
                    String.valueOf(e.getMessage()));
        }
        if (refusal.isPresent()) {
            Tracked known = tracked.get(deployment);
            if (known == null || !refusal.get().equals(known.message())) {
                LOG.warn("rejecting deployment {} (revision {}): {}", deployment, stored.revision(), refusal.get());
            }
            events.warn(deployment, AgentEvent.REJECTED, ErrorCode.COMPATIBILITY, refusal.get());
            // what the deployment runs keeps running: only the status says the new Score was refused
            return new Tracked(stored.value(), stored.revision(), DeploymentState.REJECTED,
                    known == null ? null : known.hash(), refusal.get());
        }
        if (decoded.hash().equals(deployedHash)) {
            // already running exactly this Score (agent restart): adopt it, start nothing
            events.info(deployment, AgentEvent.ADOPTED, "already runs this Score (hash " + decoded.hash() + ")");
            return new Tracked(stored.value(), stored.revision(), DeploymentState.RUNNING, decoded.hash(),
                    "adopted");
        }
        removeFromOthers(deployment, interpreter);
        ApplyOutcome outcome;
        ErrorCode failure = ErrorCode.ENGINE;
        try {
            outcome = applyTyped(interpreter, deployment, decoded);
        } catch (RuntimeException e) {
            lastError = deployment + ": " + e.getMessage();
            LOG.warn("applying deployment {} failed: {}", deployment, e.toString());
            outcome = ApplyOutcome.failed(String.valueOf(e.getMessage()));
            failure = AgentEvents.codeOf(e, ErrorCode.ENGINE);
        }
        LOG.info("deployment {} (revision {}): {} {}", deployment, stored.revision(), outcome.state(),
                outcome.message());
        switch (outcome.state()) {
            case RUNNING -> events.info(deployment, AgentEvent.APPLIED, outcome.message());
            case REJECTED -> events.warn(deployment, AgentEvent.REJECTED, ErrorCode.COMPATIBILITY, outcome.message());
            default -> events.warn(deployment, AgentEvent.APPLY_FAILED, failure, outcome.message());
        }
        return new Tracked(stored.value(), stored.revision(), outcome.state(), decoded.hash(), outcome.message());
    }

    private <S extends Score> ApplyOutcome applyTyped(ScoreInterpreter<S> interpreter, String deployment,
            DecodedScore decoded) {
        S score = interpreter.scoreType().javaType().cast(decoded.score());
        return interpreter.apply(deployment, score, decoded.hash(), topology);
    }

    private void removeFromOthers(String deployment, ScoreInterpreter<?> keep) {
        for (ScoreInterpreter<?> other : interpreters.values()) {
            if (other != keep) {
                removeSafely(other, deployment);
            }
        }
    }

    private void remove(String deployment, long revision, String why) {
        LOG.info("deployment {} is no longer desired: removing what it runs", deployment);
        tracked.remove(deployment);
        removedAt.merge(deployment, revision, Math::max);
        boolean removed = true;
        for (ScoreInterpreter<?> interpreter : interpreters.values()) {
            removed &= removeSafely(interpreter, deployment);
        }
        if (removed) {
            events.info(deployment, AgentEvent.REMOVED, why);
        }
    }

    /** A key vanished without a signed tombstone: report it, keep what runs. */
    private void refuseRawDelete(String deployment, long revision) {
        Tracked known = tracked.get(deployment);
        String key = topology.deviceId() + "." + deployment;
        String message = "the key " + bucket + "/" + key + " was deleted or purged without a signed tombstone;"
                + " what it runs keeps running. To remove it, publish a signed tombstone above generation "
                + admission.highestAccepted(key) + ": p4n4 score delete --sign-key FILE --min-generation "
                + (admission.highestAccepted(key) + 1);
        if (known == null || !message.equals(known.message())) {
            LOG.warn("deployment {}: {}", deployment, message);
            events.warn(deployment, AgentEvent.REJECTED, ErrorCode.VALIDATION, message);
        }
        tracked.put(deployment, new Tracked("", Math.max(revision, known == null ? 0 : known.revision()),
                DeploymentState.REJECTED, known == null ? null : known.hash(), message));
    }

    /** Removes the deployment's part run by {@code interpreter}; returns false (and reports it) when that failed. */
    private boolean removeSafely(ScoreInterpreter<?> interpreter, String deployment) {
        try {
            interpreter.remove(deployment);
            return true;
        } catch (RuntimeException e) {
            lastError = deployment + ": " + e.getMessage();
            LOG.warn("removing deployment {} with {} failed: {}", deployment, interpreter.id(), e.toString());
            events.warn(deployment, AgentEvent.REMOVE_FAILED, AgentEvents.codeOf(e, ErrorCode.ENGINE),
                    interpreter.id() + ": " + e.getMessage());
            return false;
        }
    }

    private Map<String, String> deployedHashes() {
        Map<String, String> out = new HashMap<>();
        for (ScoreInterpreter<?> interpreter : interpreters.values()) {
            try {
                for (DeployedScore d : interpreter.deployed()) {
                    out.put(d.deployment(), d.scoreHash());
                }
            } catch (RuntimeException e) {
                lastError = "listing deployments with " + interpreter.id() + ": " + e.getMessage();
                LOG.warn("listing deployments with {} failed: {}", interpreter.id(), e.toString());
            }
        }
        return out;
    }
}
