/**
 * Implementation of the compose loader: YAML reading with limits, schema validation, interpolation
 * over the tree, long-form rewriting, merging, extends/include, normalization and checks. Not API.
 */
package io.p4n4.compose.internal;
