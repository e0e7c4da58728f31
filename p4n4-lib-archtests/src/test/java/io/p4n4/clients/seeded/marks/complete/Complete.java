package io.p4n4.clients.seeded.marks.complete;

/** Allowed counterpart: a class in a package with both marks. */
public final class Complete {

    private Complete() {
    }
}
