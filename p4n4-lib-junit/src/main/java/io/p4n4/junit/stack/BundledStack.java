package io.p4n4.junit.stack;

import io.p4n4.api.project.StackId;

/**
 * The bundled p4n4 stacks, as an enum so annotations can name them ({@link StackId} is a record, which
 * annotation attributes cannot hold).
 */
public enum BundledStack {
    /** Mosquitto, InfluxDB 2, Node-RED, Grafana. */
    IOT(StackId.IOT),
    /** Ollama, Letta, n8n. */
    AI(StackId.AI),
    /** The Edge Impulse Linux runner. */
    EDGE(StackId.EDGE);

    private final StackId id;

    BundledStack(StackId id) {
        this.id = id;
    }

    /** The stack's id. */
    public StackId id() {
        return id;
    }
}
