/**
 * Value types of the template registry: an {@code index.json} (versions 1 and 2) and its entries, a
 * template's {@code p4n4-template.toml} descriptor, and what pulling a template into a project changed.
 * Everything here is immutable and thread-safe.
 */
@API(status = EXPERIMENTAL)
@NullMarked
package io.p4n4.api.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
