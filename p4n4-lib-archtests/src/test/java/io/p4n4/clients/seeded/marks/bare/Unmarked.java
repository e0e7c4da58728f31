package io.p4n4.clients.seeded.marks.bare;

/** Seeded violation: a class in a package without package-info. */
public final class Unmarked {

    private Unmarked() {
    }
}
