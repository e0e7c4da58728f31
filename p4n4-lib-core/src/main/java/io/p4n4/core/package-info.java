/**
 * The entry point of p4n4-lib: {@link io.p4n4.core.P4n4}. {@code P4n4.projects()} finds, creates,
 * changes and validates p4n4 projects on disk.
 */
package io.p4n4.core;
