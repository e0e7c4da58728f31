package io.p4n4.cli.ai;

import io.p4n4.api.clients.Cancellation;
import java.util.function.Function;

/** Runs a streaming call that Ctrl-C cancels: the connection closes, so the service stops working for us. */
final class CtrlC {
    private CtrlC() {
    }

    /** Runs {@code call} with a cancellation that a shutdown (Ctrl-C, SIGTERM) triggers; returns its result. */
    static <T> T cancellable(String name, Function<Cancellation, T> call) {
        Cancellation cancel = Cancellation.create();
        Thread hook = new Thread(cancel::cancel, "p4n4-cancel-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return call.apply(cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook has run
            }
        }
    }
}
