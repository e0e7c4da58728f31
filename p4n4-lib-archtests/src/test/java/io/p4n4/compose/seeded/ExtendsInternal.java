package io.p4n4.compose.seeded;

import io.p4n4.compose.internal.seeded.Secret;

/** Seeded violation: a public class whose superclass is internal. */
public final class ExtendsInternal extends Secret {

    /** Makes one. */
    public ExtendsInternal() {
    }
}
