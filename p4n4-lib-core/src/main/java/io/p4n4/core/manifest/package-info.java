/**
 * Reading, validating and writing {@code .p4n4.json}: manifest-v1 (validated against the bundled JSON
 * Schema on every read and write) and the legacy format of the upstream Python tools.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.core.manifest;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
