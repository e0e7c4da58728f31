package io.p4n4.api.project;

/**
 * How the value of a variable is produced. Generated kinds come from {@code SecureRandom}.
 */
public enum SecretKind {
    /** Not a secret: a plain setting with a default value. */
    NONE,
    /** A generated secret: 32 random bytes, URL-safe base64 without padding (43 characters). */
    TOKEN,
    /** A generated secret for services that need hex: 32 random bytes as 64 lower-case hex digits. */
    HEX,
    /** A secret the user supplies (an API key of an outside service); never generated or rotated. */
    EXTERNAL;

    /** Returns true for the kinds p4n4 generates. */
    public boolean generated() {
        return this == TOKEN || this == HEX;
    }

    /** Returns true for every kind whose value must be masked. */
    public boolean secret() {
        return this != NONE;
    }
}
