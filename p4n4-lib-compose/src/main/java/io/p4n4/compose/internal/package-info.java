/**
 * Implementation of the compose loader: YAML reading with limits, schema validation, interpolation
 * over the tree, long-form rewriting, merging, extends/include, normalization and checks. Not API.
 */
@API(status = INTERNAL)
@NullMarked
package io.p4n4.compose.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
