package io.p4n4.api.registry;

import io.p4n4.api.EngineException;
import io.p4n4.api.ErrorCode;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns an engine's "pull failed" text into the error every backend reports: USER naming the registry when it
 * refused the request for want of (good) credentials, ENGINE naming the image otherwise. Never shows a secret:
 * a password the engine might echo is cut out. Stateless.
 */
public final class PullFailures {
    private PullFailures() {
    }

    /**
     * The error for a failed pull of {@code image} on engine {@code engine}, whose own message was
     * {@code engineMessage}; {@code used} are the credentials sent (empty when none), {@code store} where they
     * were looked for.
     */
    public static EngineException of(String engine, String image, String engineMessage,
            Optional<RegistryCredentials> used, RegistryCredentialStore store) {
        String message = used.map(c -> scrub(engineMessage, c.password())).orElse(engineMessage);
        String registry = RegistryCredentialStore.registryOf(image);
        if (isAuthFailure(message)) {
            if (used.isPresent()) {
                return new EngineException(ErrorCode.USER, engine, image, engine + ": registry " + registry
                        + " refused the credentials of user " + used.get().username() + " (from " + used.get().source()
                        + ") for " + image + ": " + message + "; log in again (docker login " + registry
                        + " or podman login " + registry + ")", null);
            }
            return new EngineException(ErrorCode.USER, engine, image, engine + ": registry " + registry
                    + " needs credentials to pull " + image + " and none were found in "
                    + store.files().stream().map(Object::toString).collect(Collectors.joining(" or "))
                    + ": " + message + "; log in first (docker login " + registry + " or podman login " + registry
                    + ")", null);
        }
        return new EngineException(engine, image, engine + ": pull of " + image + " failed: " + message
                + "; check the name and tag and that registry " + registry + " is reachable, or build the image"
                + " locally", null);
    }

    /** Whether the engine's text says the registry wants (other) credentials. */
    public static boolean isAuthFailure(String engineMessage) {
        String m = engineMessage.toLowerCase(Locale.ROOT);
        return m.contains("unauthorized") || m.contains("authentication required") || m.contains("no basic auth")
                || m.contains("401");
    }

    private static String scrub(String text, String secret) {
        return secret.isEmpty() ? text : text.replace(secret, "***");
    }
}
