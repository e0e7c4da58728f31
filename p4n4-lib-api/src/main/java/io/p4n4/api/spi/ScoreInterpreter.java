package io.p4n4.api.spi;

import io.p4n4.api.score.ApplyOutcome;
import io.p4n4.api.score.DeployedScore;
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

    /** Returns whether this interpreter can run on the device; the default accepts every device. */
    default boolean supports(Topology topology) {
        return true;
    }

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
