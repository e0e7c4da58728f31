package io.p4n4.api.score;

/** Where one deployment on a device stands. */
public enum DeploymentState {
    /** Seen in the store, not applied yet. */
    PENDING,
    /** Applied: what runs matches the Score. */
    RUNNING,
    /** Applying failed (the runtime refused or errored); retried at the next relist. */
    FAILED,
    /** Never applied: unknown type, invalid shape, or missing/invalid signature. */
    REJECTED
}
