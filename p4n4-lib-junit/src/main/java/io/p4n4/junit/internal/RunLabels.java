package io.p4n4.junit.internal;

/** The labels p4n4-lib-junit puts on every container, network and volume it creates, beside compose's. */
public final class RunLabels {
    /** The run that created the object: {@link RunIdentity#value()}; absent on reused projects. */
    public static final String RUN = "io.p4n4.junit.run";
    /** Marks a project kept for reuse; the value is its reuse key. */
    public static final String REUSE = "io.p4n4.junit.reuse";
    /** Hash of a reused project's configuration; a different hash makes the next run recreate it. */
    public static final String CONFIG_HASH = "io.p4n4.junit.config-hash";

    private RunLabels() {
    }
}
