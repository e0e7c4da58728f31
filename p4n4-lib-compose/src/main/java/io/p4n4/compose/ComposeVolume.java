package io.p4n4.compose;

import java.util.Map;
import java.util.Optional;

/**
 * A top-level named volume of a compose project. Immutable and thread-safe.
 *
 * <p>{@link #name()} is the engine-side name: the {@code name:} attribute, the key for an external
 * volume, or {@code <project>_<key>} after normalization.
 */
public final class ComposeVolume {
    private final String key;
    private final Map<String, Object> attributes;

    ComposeVolume(String key, Map<String, Object> attributes) {
        this.key = key;
        this.attributes = attributes;
    }

    /** Returns the volume's key in the project. */
    public String key() {
        return key;
    }

    /** Returns the engine-side name (falls back to the key when normalization was off). */
    public String name() {
        return Attributes.findString(attributes, "name").orElse(key);
    }

    /** Whether the volume is created outside the project. */
    public boolean external() {
        return Attributes.bool(attributes.get("external"));
    }

    /** Returns the driver, if set. */
    public Optional<String> driver() {
        return Attributes.findString(attributes, "driver");
    }

    /** Returns the driver options. */
    public Map<String, String> driverOpts() {
        return Attributes.stringMap(attributes.get("driver_opts"));
    }

    /** Returns the labels. */
    public Map<String, String> labels() {
        return Attributes.stringMap(attributes.get("labels"));
    }

    /** Returns every attribute as in the canonical model (unmodifiable). */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "ComposeVolume{" + key + " -> " + name() + (external() ? ", external" : "") + "}";
    }
}
