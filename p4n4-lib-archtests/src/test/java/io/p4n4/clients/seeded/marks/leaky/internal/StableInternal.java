package io.p4n4.clients.seeded.marks.leaky.internal;

/** Seeded violation: a class in an internal package whose @API status is STABLE. */
public final class StableInternal {

    private StableInternal() {
    }
}
