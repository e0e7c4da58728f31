package io.p4n4.agent.score;

import io.p4n4.api.score.ApplyOutcome;
import io.p4n4.api.score.DeployedScore;
import io.p4n4.api.score.InterpreterPlatform;
import io.p4n4.api.score.Score;
import io.p4n4.api.score.ScoreType;
import io.p4n4.api.score.Topology;
import io.p4n4.api.spi.ScoreInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An interpreter that runs nothing: it records what it was asked to apply and remove, and reports
 * the recorded deployments as running. For dry runs ("what would this agent do?"), tests, and fleet
 * simulations where only the control plane is measured. Thread-safe.
 *
 * @param <S> the Score class
 */
public final class RecordingScoreInterpreter<S extends Score> implements ScoreInterpreter<S> {

    /**
     * One call the interpreter received. Immutable.
     *
     * @param action {@code apply} or {@code remove}
     * @param deployment the deployment
     * @param scoreHash the Score hash for {@code apply}, {@code null} for {@code remove}
     */
    public record Call(String action, String deployment, @Nullable String scoreHash) {
    }

    private final ScoreType<S> type;
    private final InterpreterPlatform platform;
    private final Map<String, String> deployed = new TreeMap<>();
    private final Map<String, S> scores = new TreeMap<>();
    private final List<Call> calls = new ArrayList<>();

    private RecordingScoreInterpreter(ScoreType<S> type, InterpreterPlatform platform) {
        this.type = type;
        this.platform = platform;
    }

    /** Returns an interpreter recording Scores of the given type; it runs nothing, so on any device. */
    public static <S extends Score> RecordingScoreInterpreter<S> of(ScoreType<S> type) {
        return new RecordingScoreInterpreter<>(type, InterpreterPlatform.anywhere("nothing (recording only)"));
    }

    /**
     * Returns an interpreter recording Scores of the given type that declares {@code platform}, as an
     * interpreter for that architecture and runtime would: to simulate devices and test topology checks.
     */
    public static <S extends Score> RecordingScoreInterpreter<S> of(ScoreType<S> type, InterpreterPlatform platform) {
        return new RecordingScoreInterpreter<>(type, java.util.Objects.requireNonNull(platform, "platform"));
    }

    @Override
    public String id() {
        return "recording-" + type.name();
    }

    @Override
    public ScoreType<S> scoreType() {
        return type;
    }

    @Override
    public InterpreterPlatform platform() {
        return platform;
    }

    @Override
    public synchronized ApplyOutcome apply(String deployment, S score, String scoreHash, Topology topology) {
        calls.add(new Call("apply", deployment, scoreHash));
        deployed.put(deployment, scoreHash);
        scores.put(deployment, score);
        return ApplyOutcome.running("recorded");
    }

    @Override
    public synchronized void remove(String deployment) {
        if (deployed.remove(deployment) != null) {
            scores.remove(deployment);
            calls.add(new Call("remove", deployment, null));
        }
    }

    @Override
    public synchronized List<DeployedScore> deployed() {
        List<DeployedScore> out = new ArrayList<>();
        deployed.forEach((name, hash) -> out.add(new DeployedScore(name, hash)));
        return out;
    }

    /** Returns the Score last applied for the deployment, or {@code null}. */
    public synchronized @Nullable S scoreOf(String deployment) {
        return scores.get(deployment);
    }

    /** Returns every call so far, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Returns how many apply calls were made. */
    public synchronized long applyCount() {
        return calls.stream().filter(c -> c.action().equals("apply")).count();
    }

    /**
     * Returns the deployment + Score hash pairs ({@code web@3f2a...}) applied more than once, with how many
     * times each was: a reconciler that applies the same Score twice (a replayed event, a stale read) shows here.
     */
    public synchronized java.util.Map<String, Long> repeatedApplies() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        calls.stream().filter(c -> c.action().equals("apply"))
                .forEach(c -> counts.merge(c.deployment() + "@" + c.scoreHash(), 1L, Long::sum));
        counts.values().removeIf(n -> n < 2);
        return counts;
    }
}
