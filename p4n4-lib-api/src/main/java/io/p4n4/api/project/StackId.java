package io.p4n4.api.project;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a stack: {@code iot}, {@code ai}, {@code edge}, or a third-party stack's id (lower-case
 * letters, digits and dashes). Immutable and thread-safe.
 *
 * @param value the id as written in the manifest
 */
public record StackId(String value) implements Comparable<StackId> {

    // first: the constants below are validated with it
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    /** The IoT stack (Mosquitto, InfluxDB, Node-RED, Grafana); it owns {@code p4n4-net}. */
    public static final StackId IOT = new StackId("iot");
    /** The local-AI stack (Ollama, Letta, n8n). */
    public static final StackId AI = new StackId("ai");
    /** The Edge Impulse runner stack. */
    public static final StackId EDGE = new StackId("edge");

    private static final List<StackId> CANONICAL = List.of(IOT, AI, EDGE);

    /**
     * The start-up order: iot, ai, edge first (in that order), then other stacks by id.
     */
    public static final Comparator<StackId> CANONICAL_ORDER = Comparator
            .comparingInt(StackId::rank).thenComparing(StackId::value);

    /** Validates the id. */
    public StackId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("stack id '" + value
                    + "' is not valid: use lower-case letters, digits and dashes, starting with a letter");
        }
    }

    /** Returns the stack id {@code value}; throws IllegalArgumentException if it is malformed. */
    public static StackId of(String value) {
        return new StackId(value);
    }

    /** Returns the three bundled stacks in canonical order. */
    public static List<StackId> bundled() {
        return CANONICAL;
    }

    private int rank() {
        int i = CANONICAL.indexOf(this);
        return i < 0 ? CANONICAL.size() : i;
    }

    @Override
    public int compareTo(StackId other) {
        return CANONICAL_ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return value;
    }
}
