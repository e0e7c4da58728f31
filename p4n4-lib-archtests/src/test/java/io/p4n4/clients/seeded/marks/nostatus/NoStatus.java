package io.p4n4.clients.seeded.marks.nostatus;

/** Seeded violation: a class in a package that is @NullMarked but has no @API status. */
public final class NoStatus {

    private NoStatus() {
    }
}
