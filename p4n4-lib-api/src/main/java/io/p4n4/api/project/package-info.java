/**
 * Value types of p4n4 projects on disk: the {@code .p4n4.json} manifest (v1 and the legacy format of
 * the upstream Python tools), stack and variable definitions, validation reports, and secret rows and
 * rotation plans. Everything here is immutable and thread-safe.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.api.project;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
