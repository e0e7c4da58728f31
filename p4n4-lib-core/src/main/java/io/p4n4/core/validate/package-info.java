/**
 * Project validation: manifest, stack files, required {@code .env} variables (from the stack
 * definitions and from every {@code ${VAR}} without a default in the compose files), {@code .env}
 * permissions and git-ignore. Produces a {@link io.p4n4.api.project.ValidationReport}.
 */
@API(status = STABLE)
@NullMarked
package io.p4n4.core.validate;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;
