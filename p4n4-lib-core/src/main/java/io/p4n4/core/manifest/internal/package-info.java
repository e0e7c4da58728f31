/**
 * Implementation of manifest reading and writing, and what projects in the legacy format of the upstream
 * tools must contain ({@code LegacyLayers}); not API.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.core.manifest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
