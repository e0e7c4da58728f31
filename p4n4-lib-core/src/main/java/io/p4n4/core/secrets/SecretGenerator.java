package io.p4n4.core.secrets;

import io.p4n4.api.project.GeneratedSecret;
import io.p4n4.api.project.SecretKind;
import io.p4n4.api.project.VariableDefinition;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Makes secret values from a {@link SecureRandom}: 32 random bytes, URL-safe base64 without padding
 * ({@link SecretKind#TOKEN}, 43 characters) or lower-case hex ({@link SecretKind#HEX}, 64 characters).
 * Thread-safe ({@code SecureRandom} is).
 */
public final class SecretGenerator {
    /** Random bytes in every generated secret. */
    public static final int BYTES = 32;

    private final SecureRandom random;

    private SecretGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A generator on a new, self-seeded {@link SecureRandom}. */
    public static SecretGenerator create() {
        return new SecretGenerator(new SecureRandom());
    }

    /** A generator on {@code random} (for tests: a seeded instance gives repeatable values). */
    public static SecretGenerator of(SecureRandom random) {
        return new SecretGenerator(random);
    }

    /** Returns a fresh value of {@code kind}; IllegalArgumentException for kinds p4n4 does not generate. */
    public String value(SecretKind kind) {
        byte[] bytes = new byte[BYTES];
        switch (kind) {
            case TOKEN -> {
                random.nextBytes(bytes);
                return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            }
            case HEX -> {
                random.nextBytes(bytes);
                return HexFormat.of().formatHex(bytes);
            }
            default -> throw new IllegalArgumentException(kind + " values are not generated");
        }
    }

    /** Returns a fresh value for the generated secret {@code variable}. */
    public GeneratedSecret generate(VariableDefinition variable) {
        return new GeneratedSecret(variable.name(), variable.owner(), variable.kind(), value(variable.kind()));
    }
}
