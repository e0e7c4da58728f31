package io.p4n4.api.engine;

import io.p4n4.api.EngineException;

/**
 * An optional part of the {@link ContainerEngine} contract. An engine lists the ones it has in
 * {@link ContainerEngine#capabilities()}; an operation whose capability is missing throws the error of
 * {@link #unsupportedBy}. New optional operations come with a new constant here, so a backend written
 * before them keeps compiling and simply does not list it.
 */
public enum EngineCapability {
    /** {@link ContainerEngine#tagImage}. */
    TAG("tagging images"),
    /** {@link ContainerEngine#buildImage}. */
    BUILD("building images"),
    /** {@link ContainerEngine#connectNetwork}: join a network after creation. */
    NETWORK_CONNECT("connecting existing containers to networks"),
    /** {@link ContainerEngine#killContainer}. */
    KILL("sending signals to containers"),
    /** {@link ContainerEngine#streamLogs}. */
    LOG_STREAMING("streaming logs"),
    /** {@link ContainerEngine#exec}. */
    EXEC("running commands in containers"),
    /** {@link ContainerEngine#exec(String, java.util.List, ExecOptions)} with environment, user or working directory. */
    EXEC_OPTIONS("running commands in containers with environment, user or working directory"),
    /** {@link ContainerEngine#events}. */
    EVENTS("streaming events"),
    /**
     * Not an operation but a trait: the engine runs healthchecks on their interval by itself, so
     * {@link ContainerEngine#runHealthcheck} only reports. Without it a waiter calls {@code runHealthcheck}
     * on the check's interval (Podman without systemd).
     */
    HEALTHCHECKS_RUN_BY_ENGINE("running healthchecks by itself");

    private final String operation;

    EngineCapability(String operation) {
        this.operation = operation;
    }

    /** What the capability lets an engine do, in a few words ({@code "building images"}). */
    public String operation() {
        return operation;
    }

    /**
     * The ENGINE error of an engine that lacks this capability, naming the engine, the operation and the
     * resource (which may be null).
     */
    public EngineException unsupportedBy(String engine, String resource) {
        return new EngineException(engine, resource, engine + " does not support " + operation + " (capability "
                + name() + (resource == null ? "" : ", asked for " + resource) + "): its backend leaves this optional"
                + " operation out; check ContainerEngine.capabilities() first, or use an engine that has it", null);
    }
}
