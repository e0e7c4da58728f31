package io.p4n4.server.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event of an {@link Operation}: {@code progress} (data: {@code step}, {@code subject}, {@code detail},
 * {@code time}, and for pull progress {@code layer}, {@code current}, {@code total}), then exactly one final
 * {@code done} (data: the operation's result) or {@code failed} (data: {@code code}, {@code message}).
 * Immutable and thread-safe.
 *
 * @param sequence its position in the operation, from 1, without gaps
 * @param type     {@link #PROGRESS}, {@link #DONE} or {@link #FAILED}
 * @param data     what happened, as JSON-ready values (insertion-ordered, unmodifiable)
 */
public record OperationEvent(long sequence, String type, Map<String, Object> data) {
    /** A step of the work. */
    public static final String PROGRESS = "progress";
    /** The final event of a successful operation. */
    public static final String DONE = "done";
    /** The final event of a failed operation. */
    public static final String FAILED = "failed";

    /** Copies the data, keeping its order. */
    public OperationEvent {
        Objects.requireNonNull(type, "type");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(data, "data")));
    }

    /** Whether this is the final event ({@code done} or {@code failed}). */
    public boolean isFinal() {
        return DONE.equals(type) || FAILED.equals(type);
    }
}
