package io.p4n4.agent.score;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A multi-device publish (or delete) wrote some devices and failed on others: {@link #results()} says per
 * device what happened ({@link ScorePublisher.Change#FAILED} with the error for the failed ones). Running the
 * same publish again is safe: devices that already hold the Score report {@code UNCHANGED}, the failed ones
 * are written. Its code is that of the first failure (NETWORK when NATS did not answer, VALIDATION for a
 * compare-and-set lost to another publisher); the cause is that failure.
 */
public final class IncompletePublishException extends P4n4Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<ScorePublisher.Result> results;

    /** Creates the exception for {@code deployment} from every device's result and the first failure. */
    IncompletePublishException(String deployment, List<ScorePublisher.Result> results, RuntimeException first) {
        super(first instanceof P4n4Exception p ? p.code() : ErrorCode.GENERAL, message(deployment, results), first);
        this.results = List.copyOf(results);
    }

    /** Returns what happened on every device, in the order they were given. */
    public List<ScorePublisher.Result> results() {
        return results;
    }

    private static String message(String deployment, List<ScorePublisher.Result> results) {
        List<ScorePublisher.Result> failed = results.stream()
                .filter(r -> r.change() == ScorePublisher.Change.FAILED).toList();
        return "deployment '" + deployment + "' failed on " + failed.size() + " of " + results.size() + " device(s): "
                + failed.stream().map(r -> r.device() + ": " + r.error()).collect(Collectors.joining("; "))
                + ". The other devices were written or already up to date; running the same command again is safe"
                + " (devices that have it stay unchanged)";
    }
}
