package io.p4n4.api.engine;

import java.util.Objects;

/**
 * Which containers {@link ContainerEngine#listContainers} lists: those whose labels match, running only or
 * in any state. Immutable and thread-safe; start from {@link #all(LabelFilter)} or {@link #running(LabelFilter)}.
 */
public final class ContainerFilter {
    private final LabelFilter labels;
    private final boolean includeStopped;

    private ContainerFilter(LabelFilter labels, boolean includeStopped) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.includeStopped = includeStopped;
    }

    /** Containers in any state (created, running, paused, exited ...) whose labels match. */
    public static ContainerFilter all(LabelFilter labels) {
        return new ContainerFilter(labels, true);
    }

    /** Running containers whose labels match. */
    public static ContainerFilter running(LabelFilter labels) {
        return new ContainerFilter(labels, false);
    }

    /** The label conditions every listed container meets. */
    public LabelFilter labels() {
        return labels;
    }

    /** Whether containers that are not running are listed too. */
    public boolean includeStopped() {
        return includeStopped;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContainerFilter f && includeStopped == f.includeStopped && labels.equals(f.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode() * 31 + Boolean.hashCode(includeStopped);
    }

    @Override
    public String toString() {
        return "ContainerFilter[labels=" + labels.conditions() + ", " + (includeStopped ? "all" : "running") + "]";
    }
}
