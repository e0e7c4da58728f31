package io.p4n4.compose.internal.seeded;

/** An internal exception of the (seeded) compose module that public signatures must not declare. */
public final class SecretFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Makes one. */
    public SecretFailure() {
        super("seeded");
    }
}
