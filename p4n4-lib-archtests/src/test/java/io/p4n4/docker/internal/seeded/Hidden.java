package io.p4n4.docker.internal.seeded;

/** An internal class of the (seeded) Docker module. */
public final class Hidden {

    private Hidden() {
    }
}
