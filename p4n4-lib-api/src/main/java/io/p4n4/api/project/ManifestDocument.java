package io.p4n4.api.project;

import java.util.List;

/**
 * A manifest as read from {@code .p4n4.json}: either the current {@link Manifest} (manifest-v1) or a
 * {@link LegacyManifest} written by the upstream Python tools. Implementations are immutable.
 */
public sealed interface ManifestDocument permits Manifest, LegacyManifest {

    /** Returns the project name. */
    String name();

    /** Returns the known stacks the project uses, unique and in canonical order. */
    List<StackId> stacks();

    /** Returns true for a manifest in the format of the upstream Python tools. */
    boolean legacy();
}
