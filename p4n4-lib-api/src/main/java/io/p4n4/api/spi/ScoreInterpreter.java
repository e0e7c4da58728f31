package io.p4n4.api.spi;

import io.p4n4.api.score.ApplyOutcome;
import io.p4n4.api.score.DeployedScore;
import io.p4n4.api.score.InterpreterPlatform;
import io.p4n4.api.score.Score;
import io.p4n4.api.score.ScoreType;
import io.p4n4.api.score.Topology;
import java.util.List;

/**
 * Applies one Score type to a device ({@link Topology}): creates what the Score describes, replaces it
 * when the Score changes, removes it when the Score is deleted, and lists what it manages so an agent
 * restart converges without duplicates.
 *
 * <p>Implementations must be thread-safe; the device agent calls them from one thread at a time.
 *
 * @param <S> the Score class this interpreter understands
 */
public interface ScoreInterpreter<S extends Score> {

    /** Returns a stable id ({@code podman-v0-containers}). */
    String id();

    /** Returns the Score type this interpreter applies. */
    ScoreType<S> scoreType();

    /**
     * Returns what this interpreter runs Scores on: the architecture and container runtime of the engine it
     * drives (not what it is configured to expect). A device agent applies a Score only when this matches
     * the device's {@link Topology} and otherwise reports the deployment {@code REJECTED} naming each
     * mismatching field. Declare {@link InterpreterPlatform#ANY} only for fields the interpreter truly does
     * not depend on. May query the engine (then cache the answer); an exception marks the deployment
     * {@code FAILED}, retried at the next relist.
     */
    InterpreterPlatform platform();

    /**
     * Makes the device run {@code score} for {@code deployment}, replacing whatever the deployment
     * ran before. Must be idempotent: applying the same Score twice changes nothing the second time.
     *
     * @param scoreHash the hash of the canonical Score; label what you create with it
     */
    ApplyOutcome apply(String deployment, S score, String scoreHash, Topology topology);

    /** Removes everything the deployment runs; no-op when nothing runs. */
    void remove(String deployment);

    /** Returns the deployments this interpreter finds on the device, with the Score hash they run. */
    List<DeployedScore> deployed();
}
