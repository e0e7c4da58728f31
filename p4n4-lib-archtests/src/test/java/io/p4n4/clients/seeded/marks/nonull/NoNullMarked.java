package io.p4n4.clients.seeded.marks.nonull;

/** Seeded violation: a class in a package with an @API status but not @NullMarked. */
public final class NoNullMarked {

    private NoNullMarked() {
    }
}
