package io.p4n4.compose.exec;

/** When {@code up} pulls a service's image. */
public enum PullPolicy {
    /** Pull only images the engine does not have (the default: a local image is never pulled). */
    MISSING,
    /** Pull every image, even one that is present. */
    ALWAYS,
    /** Never pull; a missing image fails {@code up} before anything is created. */
    NEVER
}
