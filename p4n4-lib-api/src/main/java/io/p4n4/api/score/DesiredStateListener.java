package io.p4n4.api.score;

/**
 * Receives changes from a {@link DesiredStateStore#watch} in revision order. Called on the store's
 * thread: return quickly (hand work to your own executor).
 */
@FunctionalInterface
public interface DesiredStateListener {

    /** Called for each put, delete or purge of one of the watched device's keys. */
    void onEvent(DesiredStateEvent event);

    /** Called when the store loses or regains its connection; the default does nothing. */
    default void onConnectionChange(boolean connected) {
    }
}
