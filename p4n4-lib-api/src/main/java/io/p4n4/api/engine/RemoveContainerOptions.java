package io.p4n4.api.engine;

/**
 * How {@link ContainerEngine#removeContainer} removes a container. Immutable and thread-safe; start from
 * {@link #defaults()} or {@link #forced()} and add with the {@code with} methods, e.g.
 * {@code RemoveContainerOptions.forced().withAnonymousVolumes()}.
 */
public final class RemoveContainerOptions {
    private static final RemoveContainerOptions DEFAULTS = new RemoveContainerOptions(false, false);

    private final boolean force;
    private final boolean anonymousVolumes;

    private RemoveContainerOptions(boolean force, boolean anonymousVolumes) {
        this.force = force;
        this.anonymousVolumes = anonymousVolumes;
    }

    /** Refuses a running container and keeps the anonymous volumes it created. */
    public static RemoveContainerOptions defaults() {
        return DEFAULTS;
    }

    /** Kills a running container first; keeps its anonymous volumes. */
    public static RemoveContainerOptions forced() {
        return DEFAULTS.withForce();
    }

    /** The same, but killing a running container first. */
    public RemoveContainerOptions withForce() {
        return new RemoveContainerOptions(true, anonymousVolumes);
    }

    /** The same, but also removing the anonymous volumes the container created. */
    public RemoveContainerOptions withAnonymousVolumes() {
        return new RemoveContainerOptions(force, true);
    }

    /** Whether a running container is killed first (otherwise the engine refuses it). */
    public boolean force() {
        return force;
    }

    /** Whether the anonymous volumes the container created are removed with it. */
    public boolean anonymousVolumes() {
        return anonymousVolumes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoveContainerOptions r && force == r.force && anonymousVolumes == r.anonymousVolumes;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(force) * 31 + Boolean.hashCode(anonymousVolumes);
    }

    @Override
    public String toString() {
        return "RemoveContainerOptions[force=" + force + ", anonymousVolumes=" + anonymousVolumes + "]";
    }
}
