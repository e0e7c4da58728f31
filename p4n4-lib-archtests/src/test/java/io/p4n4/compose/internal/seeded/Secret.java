package io.p4n4.compose.internal.seeded;

/** An internal type of the (seeded) compose module that public signatures must not name. */
public class Secret {

    /** Makes one. */
    public Secret() {
    }
}
