package io.p4n4.compose.seeded;

import io.p4n4.compose.internal.seeded.Secret;
import io.p4n4.compose.internal.seeded.SecretFailure;
import java.util.List;

/**
 * Seeded violation: a public class whose visible members name internal types, each in a different
 * place of a signature. Its private member does the same and is allowed.
 */
public final class LeaksInternal {

    /** A field of an internal type. */
    public final Secret exposedField = new Secret();

    /**
     * A constructor with an internal parameter type.
     *
     * @param secret anything
     */
    public LeaksInternal(Secret secret) {
        this.kept = secret;
    }

    private final Secret kept;

    /** @return an internal type */
    public Secret returnsSecret() {
        return kept;
    }

    /** @return an internal type as a generic argument */
    public List<Secret> returnsListOfSecrets() {
        return List.of(kept);
    }

    /** Declares an internal exception. */
    public void throwsSecretFailure() throws SecretFailure {
        throw new SecretFailure();
    }

    private Secret privateSecretIsFine() {
        return kept;
    }

    /** @return whether the private member is there (keeps it used) */
    public boolean hasPrivate() {
        return privateSecretIsFine() != null;
    }
}
