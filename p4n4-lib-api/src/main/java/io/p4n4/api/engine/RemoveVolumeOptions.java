package io.p4n4.api.engine;

/**
 * How {@link ContainerEngine#removeVolume} removes a volume. Immutable and thread-safe; use
 * {@link #defaults()} or {@link #forced()}.
 */
public final class RemoveVolumeOptions {
    private static final RemoveVolumeOptions DEFAULTS = new RemoveVolumeOptions(false);
    private static final RemoveVolumeOptions FORCED = new RemoveVolumeOptions(true);

    private final boolean force;

    private RemoveVolumeOptions(boolean force) {
        this.force = force;
    }

    /** Refuses a volume a container uses. */
    public static RemoveVolumeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Lets an engine that can (Podman) first remove the containers using the volume; Docker refuses either
     * way, so remove the containers first for the same result everywhere.
     */
    public static RemoveVolumeOptions forced() {
        return FORCED;
    }

    /** Whether the containers using the volume may be removed with it, where the engine can. */
    public boolean force() {
        return force;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoveVolumeOptions r && force == r.force;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(force);
    }

    @Override
    public String toString() {
        return "RemoveVolumeOptions[force=" + force + "]";
    }
}
