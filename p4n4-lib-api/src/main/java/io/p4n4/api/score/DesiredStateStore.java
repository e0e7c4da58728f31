package io.p4n4.api.score;

import java.util.List;
import java.util.Optional;

/**
 * Holds the Scores each device should run (keys {@code <device>.<deployment>}) and each device's
 * reported status. The reference implementation is a NATS JetStream KV bucket ({@code desired-state}).
 *
 * <p>Values are strings in canonical form: comparing two strings tells whether the Score changed.
 * Implementations are thread-safe; {@link #close()} is idempotent.
 */
public interface DesiredStateStore extends AutoCloseable {

    /**
     * Returns the name of the bucket the Scores live in: signed Scores name it, so a Score copied to
     * another bucket is refused. Default {@code desired-state}.
     */
    default String bucket() {
        return "desired-state";
    }

    /** Returns the Score stored for the device's deployment, if any (deleted keys are absent). */
    Optional<StoredScore> find(String device, String deployment);

    /** Returns every Score stored for the device, sorted by deployment name. */
    List<StoredScore> list(String device);

    /** Returns the ids of every device that has at least one Score, sorted. */
    List<String> devices();

    /**
     * Writes a Score only if the key is still at {@code expectedRevision} (0: absent or deleted).
     *
     * @return the new revision
     * @throws RevisionConflictException when someone else wrote the key in between
     */
    long compareAndSet(String device, String deployment, String value, long expectedRevision);

    /** Deletes the device's deployment (no-op when absent). */
    void delete(String device, String deployment);

    /**
     * Watches the device's keys: first every current entry, then changes, in revision order, from
     * {@code afterRevision + 1} (0: everything). Survives reconnects, resuming after the last revision
     * it delivered.
     *
     * @return a handle; closing it stops the watch
     */
    AutoCloseable watch(String device, long afterRevision, DesiredStateListener listener);

    /** Writes the device's status document (JSON) to {@code status.<device>}. */
    void putStatus(String device, String statusJson);

    /** Returns the device's last status document, if it ever wrote one. */
    Optional<String> findStatus(String device);

    /** Returns whether the store is connected right now. */
    boolean connected();

    /** Releases the connection. Idempotent. */
    @Override
    void close();
}
