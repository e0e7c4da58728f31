/**
 * The entry point of p4n4-lib: {@link io.p4n4.core.P4n4}. {@code P4n4.projects()} finds, creates,
 * changes and validates p4n4 projects on disk.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.core;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
