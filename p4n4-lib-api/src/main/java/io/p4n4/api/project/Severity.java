package io.p4n4.api.project;

/** How serious a validation {@link Problem} is. */
public enum Severity {
    /** The project will not work as it is; validation fails. */
    ERROR,
    /** Works, but is risky or unusual; validation still passes. */
    WARNING
}
