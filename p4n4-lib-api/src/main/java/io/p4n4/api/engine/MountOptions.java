package io.p4n4.api.engine;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one {@link Mount} beyond its source, target and read-only flag, as compose's long volume
 * syntax (and the short syntax's {@code :z}, {@code :nocopy}, {@code :rslave} suffixes) sets them. Each
 * applies to one mount type only; {@link Mount} refuses the others.
 *
 * @param propagation bind propagation ({@code private}, {@code rprivate}, {@code shared}, {@code rshared},
 *     {@code slave}, {@code rslave}), or {@code null} for the engine's default ({@code rprivate})
 * @param selinuxLabel bind relabelling: {@code z} (shared between containers) or {@code Z} (private), or
 *     {@code null} for none
 * @param noCopy for a volume: do not copy the image's content at the target into a new, empty volume
 * @param tmpfsSizeBytes for a tmpfs: its size in bytes, or 0 for the engine's default
 * @param tmpfsMode for a tmpfs: its permission bits ({@code 01777}), or {@code null} for the default
 */
public record MountOptions(@Nullable String propagation, @Nullable String selinuxLabel, boolean noCopy,
        long tmpfsSizeBytes, @Nullable Integer tmpfsMode) {

    /** No options: the engine's defaults. */
    public static final MountOptions NONE = new MountOptions(null, null, false, 0, null);

    private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave",
            "rslave");

    /** Checks the values. */
    public MountOptions {
        if (propagation != null && !PROPAGATIONS.contains(propagation)) {
            throw new IllegalArgumentException("bind propagation '" + propagation + "' is none of " + PROPAGATIONS);
        }
        if (selinuxLabel != null && !selinuxLabel.equals("z") && !selinuxLabel.equals("Z")) {
            throw new IllegalArgumentException("SELinux label '" + selinuxLabel + "' is neither z nor Z");
        }
        if (tmpfsSizeBytes < 0) {
            throw new IllegalArgumentException("tmpfs size must be at least 0 bytes, was " + tmpfsSizeBytes);
        }
        if (tmpfsMode != null && (tmpfsMode < 0 || tmpfsMode > 07777)) {
            throw new IllegalArgumentException("tmpfs mode " + Integer.toOctalString(tmpfsMode)
                    + " is not a permission mode (0 to 7777 octal)");
        }
    }

    /** These options with bind propagation {@code value}. */
    public MountOptions withPropagation(@Nullable String value) {
        return new MountOptions(value, selinuxLabel, noCopy, tmpfsSizeBytes, tmpfsMode);
    }

    /** These options with SELinux relabelling {@code value} ({@code z} or {@code Z}). */
    public MountOptions withSelinuxLabel(@Nullable String value) {
        return new MountOptions(propagation, value, noCopy, tmpfsSizeBytes, tmpfsMode);
    }

    /** These options with the volume's no-copy flag set to {@code value}. */
    public MountOptions withNoCopy(boolean value) {
        return new MountOptions(propagation, selinuxLabel, value, tmpfsSizeBytes, tmpfsMode);
    }

    /** These options with the tmpfs size {@code bytes} (0: the engine's default). */
    public MountOptions withTmpfsSize(long bytes) {
        return new MountOptions(propagation, selinuxLabel, noCopy, bytes, tmpfsMode);
    }

    /** These options with the tmpfs permission bits {@code mode}. */
    public MountOptions withTmpfsMode(@Nullable Integer mode) {
        return new MountOptions(propagation, selinuxLabel, noCopy, tmpfsSizeBytes, mode);
    }

    boolean hasBindOptions() {
        return propagation != null || selinuxLabel != null;
    }

    boolean hasTmpfsOptions() {
        return tmpfsSizeBytes != 0 || tmpfsMode != null;
    }
}
