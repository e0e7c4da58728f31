package io.p4n4.api.engine;

/** What a {@link Mount} attaches: a host path, a named volume or a memory file system. */
public enum MountType {
    BIND, VOLUME, TMPFS
}
